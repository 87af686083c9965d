/** A quick pick of the VOD regions, the current one preselected. */
import * as vscode from 'vscode';
import { VOD_REGIONS } from '../../vod/endpoint';

interface RegionItem extends vscode.QuickPickItem {
  readonly regionId: string;
}

export async function pickRegion(current: string, title: string): Promise<string | undefined> {
  const items: RegionItem[] = VOD_REGIONS.map((r) => ({
    label: r.id,
    description: r.name,
    regionId: r.id,
    ...(r.id === current ? { detail: vscode.l10n.t('Current') } : {}),
  }));
  const pick = vscode.window.createQuickPick<RegionItem>();
  pick.title = title;
  pick.placeholder = vscode.l10n.t('Region of the images (VOD media are bound to the region they were uploaded to)');
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
