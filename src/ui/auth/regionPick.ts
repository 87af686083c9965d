/** A quick pick of the VOD regions, the current one preselected. */
import * as vscode from 'vscode';
import { VOD_REGIONS } from '../../vod/endpoint';

export interface RegionItem extends vscode.QuickPickItem {
  readonly regionId: string;
}

/** The regions as quick pick items, `current` marked (shared with the sign-in steps). */
export function regionItems(current: string): RegionItem[] {
  return VOD_REGIONS.map((r) => ({
    label: r.id,
    description: r.name,
    regionId: r.id,
    ...(r.id === current ? { detail: vscode.l10n.t('Current') } : {}),
  }));
}

export function regionPlaceholder(): string {
  return vscode.l10n.t('Region of the images (VOD media are bound to the region they were uploaded to)');
}

export async function pickRegion(current: string, title: string): Promise<string | undefined> {
  const items = regionItems(current);
  const pick = vscode.window.createQuickPick<RegionItem>();
  pick.title = title;
  pick.placeholder = regionPlaceholder();
  pick.items = items;
  pick.ignoreFocusOut = true;
  pick.activeItems = items.filter((i) => i.regionId === current);
  try {
    return await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]?.regionId ?? pick.activeItems[0]?.regionId));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    pick.dispose();
  }
}
