/**
 * `vodImages.upload`: image files (png, jpg, jpeg, gif) into VOD, from the Explorer's context menu
 * (`(clicked, selected[])`), files dropped on the VOD Images view (`(undefined, uris)`), or a file
 * picker. Asks a title (one file; several keep their file names), tags and a category, and remembers
 * the last tags and category for this workspace. Each file is streamed by the core
 * (src/vod/upload/uploadImageFile.ts) with progress in bytes and Cancel; then the image service is
 * waited for (Normal, or UploadFail said plainly). The new IDs join Recent and the Library, and the
 * end offers "Insert ID at Cursor" and "Copy ID".
 *
 * Automation passes `(uri | undefined, uris[] | undefined, { title?, tags?, cateId?, then?: 'insert' | 'copy' | 'none' })`.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { VodError, isVodError } from '../../vod/errors';
import { msg } from '../../vod/messages';
import { editProblem } from '../../vod/render/imageEdit';
import { localizeProblem } from '../localize';
import { imageExtensionOf, titleFromFileName } from '../../vod/upload/imageMetadataLimits';
import { waitForImageReady } from '../../vod/upload/waitForImageReady';
import { reportError } from '../lookup/reportError';
import type { Services } from '../services';
import { pickCategory } from './categoryPick';
import { withFileProgress } from './transferProgress';

/** workspaceState: the tags and category of the last upload, offered first next time. */
export const LAST_UPLOAD_KEY = 'vodImages.upload.last';

export interface UploadedFile {
  readonly file: string;
  readonly imageId: string;
  readonly status: 'Normal' | 'UploadFail' | 'Uploading';
}

export interface UploadOutcome {
  readonly uploaded: readonly UploadedFile[];
  /** Files not uploaded (wrong type, not on disk, refused): named in the log. */
  readonly failed: readonly string[];
}

interface Metadata {
  readonly title?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly cateId?: number | undefined;
}

interface Options extends Metadata {
  readonly then?: 'insert' | 'copy' | 'none';
}

const splitTags = (text: string): string[] => text.split(',').map((t) => t.trim()).filter((t) => t !== '');

function optionsOf(value: unknown): Options | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  const tags = typeof o['tags'] === 'string' ? splitTags(o['tags']) : Array.isArray(o['tags']) ? o['tags'].filter((t): t is string => typeof t === 'string') : undefined;
  const then = o['then'] === 'insert' || o['then'] === 'copy' || o['then'] === 'none' ? o['then'] : undefined;
  const options: Options = {
    title: typeof o['title'] === 'string' ? o['title'] : undefined,
    tags,
    cateId: typeof o['cateId'] === 'number' ? o['cateId'] : undefined,
    then,
  };
  const problem = editProblem(options);
  if (problem) throw new VodError('invalidInput', problem);
  return options;
}

function isUri(value: unknown): value is vscode.Uri {
  return value instanceof vscode.Uri;
}

async function pickFiles(): Promise<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({
    canSelectMany: true,
    title: vscode.l10n.t('Upload Images to VOD'),
    openLabel: vscode.l10n.t('Upload'),
    filters: { [vscode.l10n.t('Images')]: ['png', 'jpg', 'jpeg', 'gif'] },
  });
}

async function askMetadata(services: Services, files: readonly vscode.Uri[]): Promise<Metadata | undefined> {
  const heading = files.length === 1 ? vscode.l10n.t('Upload {0}', path.basename(files[0]!.fsPath)) : vscode.l10n.t('Upload {0} images', files.length);
  let title: string | undefined;
  if (files.length === 1) {
    title = await vscode.window.showInputBox({
      title: heading,
      prompt: vscode.l10n.t('Title (at most 128 bytes, no emoji)'),
      value: titleFromFileName(path.parse(files[0]!.fsPath).name) ?? '',
      ignoreFocusOut: true,
      validateInput: (v) => localizeProblem(editProblem({ title: v.trim() })),
    });
    if (title === undefined) return undefined;
  }
  const last = services.context.workspaceState.get<{ tags?: unknown; cateId?: unknown }>(LAST_UPLOAD_KEY) ?? {};
  const tags = await vscode.window.showInputBox({
    title: heading,
    prompt: vscode.l10n.t('Tags, comma-separated (optional; at most 16, each at most 32 bytes)'),
    value: typeof last.tags === 'string' ? last.tags : '',
    ignoreFocusOut: true,
    validateInput: (v) => localizeProblem(editProblem({ tags: splitTags(v) })),
  });
  if (tags === undefined) return undefined;
  const category = await pickCategory(services, vscode.l10n.t('Category (optional)'), { preferred: typeof last.cateId === 'number' ? last.cateId : undefined });
  if (!category) return undefined;
  await services.context.workspaceState.update(LAST_UPLOAD_KEY, { tags, cateId: category.cateId });
  return { title: title?.trim(), tags: splitTags(tags), cateId: category.cateId };
}

async function insertAtCursor(ids: readonly string[]): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return false;
  const text = ids.join('\n');
  return editor.edit((edit) => {
    for (const selection of editor.selections) edit.replace(selection, text);
  });
}

/** The closing message with its two actions; automation answers with `then`. */
async function offerId(ids: readonly string[], message: string, then: Options['then']): Promise<void> {
  const insert = vscode.l10n.t('Insert ID at Cursor');
  const copy = vscode.l10n.t('Copy ID');
  const choice = then === undefined ? await vscode.window.showInformationMessage(message, insert, copy) : then === 'insert' ? insert : then === 'copy' ? copy : undefined;
  if (choice === insert && (await insertAtCursor(ids))) return;
  if (choice === insert || choice === copy) {
    await vscode.env.clipboard.writeText(ids.join('\n'));
    if (choice === insert) void vscode.window.showInformationMessage(vscode.l10n.t('No editor is open: the ID was copied instead.'));
  }
}

export async function uploadImages(services: Services, arg?: unknown, second?: unknown, third?: unknown): Promise<UploadOutcome | undefined> {
  const action = vscode.l10n.t('Upload Image');
  try {
    const options = optionsOf(third);
    const given = Array.isArray(second) ? second.filter(isUri) : isUri(arg) ? [arg] : Array.isArray(arg) ? arg.filter(isUri) : [];
    const chosen = given.length > 0 ? given : await pickFiles();
    if (!chosen || chosen.length === 0) return undefined;
    const failed: string[] = [];
    const files = chosen.filter((uri) => {
      const ok = uri.scheme === 'file' && imageExtensionOf(uri.fsPath) !== undefined;
      if (!ok) {
        failed.push(uri.fsPath || uri.toString());
        services.log.warn(`${action}: ${uri.scheme === 'file' ? path.basename(uri.fsPath) : uri.toString()} is not a png, jpg, jpeg or gif file on disk; skipped.`);
      }
      return ok;
    });
    if (files.length === 0) throw new VodError('invalidInput', msg('command.uploadOnlyImages'));
    const metadata = options ?? (await askMetadata(services, files));
    if (!metadata) return undefined;
    const api = await services.api();

    const uploaded: UploadedFile[] = [];
    await withFileProgress(vscode.l10n.t('Uploading to VOD'), files, (uri) => path.basename(uri.fsPath), async (uri, progress, signal) => {
      const name = path.basename(uri.fsPath);
      try {
        const title = (files.length === 1 ? metadata.title : undefined) || titleFromFileName(path.parse(uri.fsPath).name);
        // Through the client: its OSS Date comes from the clock it corrected for this machine's skew (OSS
        // refuses more than 15 minutes), and its request log records each PUT attempt.
        const result = await api.uploadImageFile({
          filePath: uri.fsPath,
          metadata: { title, tags: metadata.tags?.length ? metadata.tags : undefined, cateId: metadata.cateId },
          signal,
          onProgress: (sent, total) => progress.bytes(sent, total),
        });
        if (result.leftBehindImageIds.length > 0) services.log.warn(`${action} ${name}: images given up and not deleted: ${result.leftBehindImageIds.join(', ')}`);
        progress.say(vscode.l10n.t('processing…'));
        const ready = await waitForImageReady(api, result.imageId, { signal, pollMs: 500 }).catch((error: unknown) => {
          // Cancelled while VOD processes it: the image is uploaded all the same, and VOD finishes on its own.
          if (isVodError(error) && (error.code === 'StillUploading' || error.kind === 'cancelled')) return undefined;
          throw error;
        });
        uploaded.push({ file: uri.fsPath, imageId: result.imageId, status: ready?.status ?? 'Uploading' });
      } catch (error) {
        // Cancelled mid-upload: that image is deleted (uploadImageFile), the files after it are not started, and
        // the ones before it are reported below like any finished batch.
        if (isVodError(error) && error.kind === 'cancelled') return;
        failed.push(uri.fsPath);
        services.log.warn(`${action} ${name}: ${isVodError(error) ? error.toLine() : String(error)}`);
        if (files.length === 1 && isVodError(error)) throw error;
      }
    });
    const ids = uploaded.map((u) => u.imageId);
    if (ids.length > 0) {
      await (await services.images()).getMany(ids, { force: true }).catch(() => undefined);
      services.noteWritten?.({ kind: 'uploaded', imageIds: ids });
    }
    const broken = uploaded.filter((u) => u.status === 'UploadFail');
    if (broken.length > 0) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('VOD could not process {0}: the upload failed (UploadFail). Is it a valid image?', broken.map((u) => path.basename(u.file)).join(', ')),
      );
    }
    const good = uploaded.filter((u) => u.status !== 'UploadFail').map((u) => u.imageId);
    if (good.length > 0) {
      const message =
        failed.length > 0
          ? vscode.l10n.t('{0} uploaded, {1} failed: see the log.', good.length, failed.length)
          : good.length === 1
            ? vscode.l10n.t('Uploaded {0}: image ID {1}', path.basename(uploaded.find((u) => u.imageId === good[0])!.file), good[0]!)
            : vscode.l10n.t('{0} images uploaded.', good.length);
      void offerId(good, message, options?.then).catch((error: unknown) => reportError(services, error, action));
    } else if (failed.length > 0 && broken.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} uploaded, {1} failed: see the log.', 0, failed.length));
    }
    return { uploaded, failed };
  } catch (error) {
    reportError(services, error, action);
    return undefined;
  }
}
