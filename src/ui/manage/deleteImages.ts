/**
 * `vodImages.deleteImage`: deletes one image or many (a multi-selection of the explorer, IDs in the
 * editor, or an ID given). Asks first in a modal that names the count and the first titles and says
 * it cannot be undone. DeleteImage takes 20 IDs per call; each call is sent on its own, so a failed
 * call leaves the others' images deleted and the summary counts both. Then the deleted IDs are
 * looked up again (one GetImageInfos per 20), so the explorer, hovers and diagnostics see them missing
 * where files still reference them.
 */
import * as vscode from 'vscode';
import { isVodError } from '../../vod/errors';
import { writeBatches } from '../../vod/upload/imageMetadataLimits';
import { pickImageIds } from '../lookup/pickImageIds';
import { reportError } from '../lookup/reportError';
import { selectedImageIds } from '../lookup/treeSelection';
import type { Services } from '../services';
import { showBatchSummary } from './batchSummary';

/** Titles named in the confirmation; the rest are counted. */
const NAMED_IN_CONFIRMATION = 3;

export interface DeleteOutcome {
  readonly deleted: readonly string[];
  readonly failed: readonly string[];
}

/** "“Cat”, “Dog” and 4 more": the first titles (or IDs of untitled or unknown images). */
async function describe(services: Services, ids: readonly string[]): Promise<string> {
  const images = await services.images();
  const shown = ids.slice(0, NAMED_IN_CONFIRMATION);
  const lookups = await images.getMany(shown).catch(() => new Map());
  const names = shown.map((id) => {
    const lookup = lookups.get(id);
    const title = lookup && lookup.state !== 'missing' && lookup.state !== 'pending' ? (lookup.info as { Title?: string }).Title?.trim() : undefined;
    return `“${title || id}”`;
  });
  const rest = ids.length - shown.length;
  return rest > 0 ? vscode.l10n.t('{0} and {1} more', names.join(', '), rest) : names.join(', ');
}

async function confirm(services: Services, ids: readonly string[]): Promise<boolean> {
  const named = await describe(services, ids);
  const message = ids.length === 1 ? vscode.l10n.t('Delete the image {0} from ApsaraVideo VOD?', named) : vscode.l10n.t('Delete {0} images from ApsaraVideo VOD?', ids.length);
  const detail =
    ids.length === 1
      ? vscode.l10n.t('This cannot be undone: the image and its files are removed for every application that uses it.')
      : vscode.l10n.t('{0}. This cannot be undone: the images and their files are removed for every application that uses them.', named);
  const remove = vscode.l10n.t('Delete');
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, remove)) === remove;
}

/** What was deleted and what not; `stoppedBy` when an error ended the batch after some calls had deleted images. */
interface Sent extends DeleteOutcome {
  readonly stoppedBy?: unknown;
}

async function send(services: Services, ids: readonly string[]): Promise<Sent> {
  const api = await services.api();
  const deleted: string[] = [];
  const failed: string[] = [];
  let stoppedBy: unknown;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting {0} images…', ids.length) }, async (progress) => {
    for (const batch of writeBatches(ids)) {
      try {
        await api.deleteImages(batch);
        deleted.push(...batch);
      } catch (error) {
        failed.push(...batch);
        services.log.warn(`Delete images ${batch.join(', ')}: ${isVodError(error) ? error.toLine() : String(error)}`);
        // A missing permission (the client names vod:DeleteImage) fails every later call alike: stop and say it
        // once, in words. When earlier calls deleted images, those still have to reach the views and the summary.
        if (isVodError(error) && (error.kind === 'auth' || error.kind === 'noCredentials' || error.kind === 'cancelled')) {
          if (deleted.length === 0) throw error;
          stoppedBy = error;
          failed.push(...ids.slice(deleted.length + failed.length));
          return;
        }
      }
      progress.report({ increment: (batch.length / ids.length) * 100 });
    }
  });
  return { deleted, failed, stoppedBy };
}

export async function deleteImages(services: Services, arg?: unknown, selected?: unknown): Promise<DeleteOutcome | undefined> {
  const action = vscode.l10n.t('Delete Image');
  try {
    const ids = selectedImageIds(arg, selected) ?? (await pickImageIds(services, arg));
    if (!ids || ids.length === 0) return undefined;
    if (!(await confirm(services, ids))) return undefined;
    const { stoppedBy, ...outcome } = await send(services, ids);
    if (outcome.deleted.length > 0) {
      // Fresh answers ("missing") in the shared cache first, so every view that redraws reads them.
      await (await services.images()).getMany(outcome.deleted, { force: true }).catch(() => undefined);
      services.noteWritten?.({ kind: 'deleted', imageIds: outcome.deleted });
    }
    showBatchSummary(outcome.deleted.length, outcome.failed.length, {
      allDone: vscode.l10n.t('{0} images deleted.', outcome.deleted.length),
      someFailed: vscode.l10n.t('{0} deleted, {1} failed: see the log.', outcome.deleted.length, outcome.failed.length),
    });
    if (stoppedBy !== undefined) reportError(services, stoppedBy, action);
    return outcome;
  } catch (error) {
    reportError(services, error, action);
    return undefined;
  }
}
