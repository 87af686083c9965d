/**
 * `vodImages.lookUp`: one ID → its details panel; several (a selection, or an array argument) → one
 * batched lookup and a list of what was found, with the missing IDs named. Returns what it found so
 * automation can check without reading the UI; the list itself is not awaited (a quick pick only
 * settles when the user closes it).
 */
import * as vscode from 'vscode';
import { formatDuration } from '../../vod/media/mediaLookup';
import type { Services } from '../services';
import { pickText } from '../pickText';
import { splitLookups, listIds, type FoundAsset, type LookupOutcome } from './lookupResult';
import { pickImageIds } from './pickImageIds';
import { reportError } from './reportError';

export interface LookUpResult {
  readonly found: readonly string[];
  readonly missing: readonly string[];
}

interface ImageItem extends vscode.QuickPickItem {
  readonly imageId: string | undefined;
}

/** Quick pick text renders codicons such as `$(x)`; API text must stay plain, so break the trigger. */
function describe(asset: FoundAsset): string {
  if (asset.kind !== 'image') {
    // GetVideoInfos answers for audio and video alike; name the kind only when the API did.
    const kind = asset.info.MediaType === undefined ? vscode.l10n.t('Audio/video') : asset.kind === 'audio' ? vscode.l10n.t('Audio') : vscode.l10n.t('Video');
    return pickText([kind, asset.info.Status, formatDuration(asset.info.Duration)].filter(Boolean).join(' · '));
  }
  const info = asset.info;
  const parts = [info.ImageType, info.Status];
  const { Width, Height } = info.Mezzanine ?? {};
  if (Width !== undefined && Height !== undefined) parts.push(`${Width}×${Height}`);
  return pickText(parts.filter(Boolean).join(' · '));
}

function listItems(outcome: LookupOutcome): ImageItem[] {
  const items: ImageItem[] = outcome.found.map((asset) => ({
    label: pickText(asset.info.Title || asset.id),
    description: pickText(asset.id),
    detail: describe(asset),
    imageId: asset.id,
  }));
  if (outcome.missing.length > 0) {
    items.push({ label: vscode.l10n.t('Not found'), kind: vscode.QuickPickItemKind.Separator, imageId: undefined });
    for (const id of outcome.missing) items.push({ label: `$(warning) ${id}`, description: vscode.l10n.t('not found'), imageId: undefined });
  }
  return items;
}

function showList(outcome: LookupOutcome): void {
  const title = vscode.l10n.t('{0} of {1} images found', outcome.found.length, outcome.found.length + outcome.missing.length);
  void vscode.window
    .showQuickPick(listItems(outcome), { title, placeHolder: vscode.l10n.t('Choose an image to open its details'), matchOnDescription: true })
    .then((item) => (item?.imageId ? vscode.commands.executeCommand('vodImages.openDetails', item.imageId) : undefined));
}

function reportMissing(missing: readonly string[]): void {
  if (missing.length === 0) return;
  void vscode.window.showWarningMessage(
    missing.length === 1 ? vscode.l10n.t('Image not found: {0}', missing[0]!) : vscode.l10n.t('Images not found: {0}', listIds(missing)),
  );
}

async function lookUpMany(services: Services, ids: readonly string[]): Promise<LookupOutcome> {
  const images = await services.images();
  const lookups = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Looking up {0} images…', ids.length) },
    () => images.getMany(ids),
  );
  return splitLookups(ids, lookups);
}

export async function lookUp(services: Services, arg: unknown): Promise<LookUpResult | undefined> {
  try {
    const ids = await pickImageIds(services, arg);
    if (!ids || ids.length === 0) return undefined;
    const outcome = await lookUpMany(services, ids);
    services.noteLookedUp?.(ids);
    reportMissing(outcome.missing);
    if (ids.length === 1) {
      if (outcome.found.length === 1) await vscode.commands.executeCommand('vodImages.openDetails', ids[0]);
    } else {
      showList(outcome);
    }
    return { found: outcome.found.map((asset) => asset.id), missing: outcome.missing };
  } catch (error) {
    reportError(services, error, vscode.l10n.t('Look Up Image'));
    return undefined;
  }
}
