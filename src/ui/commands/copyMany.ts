/**
 * The copy commands on a multi-selection of the explorer: one line per image, in selection order.
 * IDs need no call; URLs come from the shared cache (one GetImageInfos per 20 IDs not cached);
 * signed URLs from GetImageInfos with one expiry and output type for all (one call per 20 IDs).
 * Images that cannot be copied are left out, named in the log, and counted in the summary.
 */
import * as vscode from 'vscode';
import { checkExpiryBounds } from '../../vod/duration';
import { VodError } from '../../vod/errors';
import { msg } from '../../vod/messages';
import type { Services } from '../services';
import { reportError } from '../lookup/reportError';
import { choose, LAST_EXPIRY_KEY } from './copySignedUrl';
import { confirmQuietly } from './quietConfirm';

export interface ManyCopied {
  readonly imageIds: readonly string[];
  /** IDs left out: not found, audio/video, or without a URL. */
  readonly skipped: readonly string[];
}

function logSkipped(services: Services, action: string, skipped: readonly string[]): void {
  if (skipped.length > 0) services.log.warn(`${action}: not copied (not found, not an image, or no URL): ${skipped.join(', ')}`);
}

/** "Copied 18 URLs." or "Copied 18 URLs, 2 left out: see log". */
function summary(copied: number, skipped: number): string {
  return skipped === 0 ? vscode.l10n.t('Copied {0} lines.', copied) : vscode.l10n.t('Copied {0} lines, {1} left out: see the log.', copied, skipped);
}

async function write(services: Services, action: string, lines: readonly string[], skipped: readonly string[], quiet: boolean): Promise<void> {
  logSkipped(services, action, skipped);
  if (lines.length === 0) throw new VodError('notFound', msg('command.nothingToCopy', { count: skipped.length }));
  await vscode.env.clipboard.writeText(lines.join('\n'));
  const text = summary(lines.length, skipped.length);
  if (quiet && skipped.length === 0) confirmQuietly(text);
  else void vscode.window.showInformationMessage(text);
}

export async function copyIds(ids: readonly string[]): Promise<ManyCopied> {
  await vscode.env.clipboard.writeText(ids.join('\n'));
  confirmQuietly(vscode.l10n.t('Copied {0} image IDs.', ids.length));
  return { imageIds: ids, skipped: [] };
}

export async function copyUrls(services: Services, ids: readonly string[]): Promise<ManyCopied | undefined> {
  const action = vscode.l10n.t('Copy Image URL');
  try {
    const lookups = await (await services.images()).getMany(ids);
    const lines: string[] = [];
    const copied: string[] = [];
    const skipped: string[] = [];
    for (const id of ids) {
      const lookup = lookups.get(id);
      if (lookup?.state === 'found' && lookup.info.URL) {
        lines.push(lookup.info.URL);
        copied.push(id);
      } else skipped.push(id);
    }
    await write(services, action, lines, skipped, true);
    return { imageIds: copied, skipped };
  } catch (error) {
    reportError(services, error, action);
    return undefined;
  }
}

/** One expiry choice for all; `rawOptions` skips the prompts as for one image. */
export async function copySignedUrls(services: Services, ids: readonly string[], rawOptions: unknown): Promise<ManyCopied | undefined> {
  const action = vscode.l10n.t('Copy Signed URL');
  try {
    const choice = await choose(services, rawOptions, services.settings());
    if (!choice) return undefined;
    const outOfBounds = checkExpiryBounds(choice.seconds, choice.outputType);
    if (outOfBounds) throw outOfBounds;
    const api = await services.api();
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Signing {0} URLs…', ids.length) },
      () => api.getImageInfos(ids, { authTimeout: choice.seconds, outputType: choice.outputType }),
    );
    const byId = new Map(result.images.map((info) => [info.ImageId, info.URL]));
    const copied = ids.filter((id) => byId.get(id));
    const skipped = ids.filter((id) => !byId.get(id));
    await write(services, action, copied.map((id) => byId.get(id)!), skipped, false);
    if (choice.asked) await services.context.globalState.update(LAST_EXPIRY_KEY, choice.seconds);
    return { imageIds: copied, skipped };
  } catch (error) {
    reportError(services, error, action);
    return undefined;
  }
}
