/**
 * `vodImages.download`: saves the display image or the original upload (mezzanine) of one image or
 * many, streamed to disk by the core (src/vod/download/downloadImageFile.ts: any size, a fresh signed
 * URL, the download policy on every hop), with progress in bytes and Cancel. One image goes to a file
 * chosen in a save dialog or into the workspace folder; several go into a chosen folder (or the
 * workspace) under `<ImageId>.<ext>`. An existing file is replaced only after a modal question, and
 * then only once the new bytes are complete (they are written beside it first).
 *
 * Automation passes `(id, { original?, outPath?, replace? })` or `(clicked, selected[], { original?, folder?, replace? })`.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { downloadImageFile, defaultDownloadName } from '../../vod/download/downloadImageFile';
import { VodError, isVodError } from '../../vod/errors';
import { fileError } from '../../vod/fileErrors';
import { msg } from '../../vod/messages';
import { pickImageIds } from '../lookup/pickImageIds';
import { reportError } from '../lookup/reportError';
import { selectedImageIds } from '../lookup/treeSelection';
import type { Services } from '../services';
import { showBatchSummary } from './batchSummary';
import { withFileProgress } from './transferProgress';

export interface DownloadOutcome {
  readonly saved: readonly { readonly imageId: string; readonly path: string; readonly bytes: number }[];
  readonly failed: readonly string[];
}

interface Options {
  readonly original?: boolean;
  readonly outPath?: string;
  readonly folder?: string;
  /** Answers the "replace?" question in advance (tests, scripts). */
  readonly replace?: boolean;
}

function optionsOf(value: unknown): Options | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  return {
    ...(typeof o['original'] === 'boolean' ? { original: o['original'] } : {}),
    ...(typeof o['outPath'] === 'string' ? { outPath: o['outPath'] } : {}),
    ...(typeof o['folder'] === 'string' ? { folder: o['folder'] } : {}),
    ...(typeof o['replace'] === 'boolean' ? { replace: o['replace'] } : {}),
  };
}

async function askOriginal(): Promise<boolean | undefined> {
  const items = [
    { label: vscode.l10n.t('Display image'), description: vscode.l10n.t('the image as VOD serves it'), original: false },
    { label: vscode.l10n.t('Original'), description: vscode.l10n.t('the file as it was uploaded (mezzanine)'), original: true },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Download which file?') }))?.original;
}

/**
 * The workspace folders on disk a download may go into, the active editor's first: in a multi-root
 * workspace the image most likely belongs beside the file being edited, not in whichever folder is first.
 */
function downloadFolders(): vscode.WorkspaceFolder[] {
  const onDisk = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  const editor = vscode.window.activeTextEditor;
  const active = editor && vscode.workspace.getWorkspaceFolder(editor.document.uri)?.uri.toString();
  const first = onDisk.filter((f) => f.uri.toString() === active);
  return [...first, ...onDisk.filter((f) => f.uri.toString() !== active)];
}

/** Where to save: a file path for one image, a folder for several; undefined when cancelled. */
async function askTarget(ids: readonly string[], defaultName: string): Promise<{ file?: string; folder?: string } | undefined> {
  const folders = downloadFolders();
  type Item = vscode.QuickPickItem & { readonly into?: vscode.Uri };
  const items: Item[] = [
    { label: ids.length === 1 ? vscode.l10n.t('Save As…') : vscode.l10n.t('Choose a Folder…') },
    // One item per folder of a multi-root workspace, each named; one folder keeps the plain wording.
    ...folders.map((f) => ({
      label: folders.length === 1 ? vscode.l10n.t('Into the Workspace Folder') : vscode.l10n.t('Into {0}', f.name),
      description: f.uri.fsPath,
      into: f.uri,
    })),
  ];
  const picked = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Download to') });
  if (!picked) return undefined;
  if (picked.into) return ids.length === 1 ? { file: path.join(picked.into.fsPath, defaultName) } : { folder: picked.into.fsPath };
  const near = folders[0]?.uri;
  if (ids.length === 1) {
    const uri = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(near ?? vscode.Uri.file(process.cwd()), defaultName), title: vscode.l10n.t('Save Image As') });
    return uri && { file: uri.fsPath };
  }
  const chosen = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, canSelectMany: false, defaultUri: near, openLabel: vscode.l10n.t('Download Here') });
  return chosen?.[0] && { folder: chosen[0].fsPath };
}

async function exists(file: string): Promise<boolean> {
  return fsp.lstat(file).then(
    () => true,
    () => false,
  );
}

async function mayReplace(file: string, answer: boolean | undefined): Promise<boolean> {
  if (answer !== undefined) return answer;
  const replace = vscode.l10n.t('Replace');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists. Replace it?', path.basename(file)),
    { modal: true, detail: vscode.l10n.t('The file is replaced only once the download is complete.') },
    replace,
  );
  return choice === replace;
}

export async function downloadImages(services: Services, arg?: unknown, second?: unknown, third?: unknown): Promise<DownloadOutcome | undefined> {
  const action = vscode.l10n.t('Download Image');
  try {
    const many = selectedImageIds(arg, second);
    const options = optionsOf(many || Array.isArray(second) ? third : second);
    const ids = many ?? (await pickImageIds(services, arg));
    if (!ids || ids.length === 0) return undefined;
    const original = options?.original ?? (options ? false : await askOriginal());
    if (original === undefined) return undefined;
    const images = await services.images();
    const first = await images.get(ids[0]!);
    const firstName = first.state === 'found' ? defaultDownloadName(first.info, original) : `${ids[0]}.img`;
    const target = options?.outPath ? { file: options.outPath } : options?.folder ? { folder: options.folder } : await askTarget(ids, firstName);
    if (!target) return undefined;
    const api = await services.api();
    if (!services.transport) throw new VodError('configuration', msg('command.downloadNeedsTransport'));
    const transport = await services.transport();

    const saved: { imageId: string; path: string; bytes: number }[] = [];
    const failed: string[] = [];
    const planned: { imageId: string; file: string; replace: boolean }[] = [];
    for (const imageId of ids) {
      let file = target.file;
      if (!file) {
        const lookup = imageId === ids[0] ? first : await images.get(imageId);
        file = path.join(target.folder!, lookup.state === 'found' ? defaultDownloadName(lookup.info, original) : `${imageId}.img`);
      }
      const replace = await exists(file);
      if (replace && !(await mayReplace(file, options?.replace))) continue;
      planned.push({ imageId, file, replace });
    }
    await withFileProgress(vscode.l10n.t('Downloading {0} images', planned.length), planned, (p) => path.basename(p.file), async (p, progress, signal) => {
      // A new file is created by the core, which never overwrites: a file that appears under the name
      // meanwhile (a sync tool, another save) is kept and this download fails. A file the user agreed to
      // replace is replaced only by a complete download: written beside it under a fresh name, then moved.
      const temp = p.replace ? path.join(path.dirname(p.file), `.vod-${randomBytes(8).toString('hex')}.download`) : undefined;
      try {
        const result = await downloadImageFile({ api, transport, imageId: p.imageId, outPath: temp ?? p.file, original, signal, onProgress: (done, total) => progress.bytes(done, total) }).catch(
          (error: unknown) => Promise.reject(temp ? aboutTarget(error, p.file) : error),
        );
        if (temp) await fsp.rename(temp, p.file).catch((error: unknown) => Promise.reject(fileError(p.file, error)));
        saved.push({ imageId: p.imageId, path: p.file, bytes: result.bytes });
      } catch (error) {
        if (temp) await fsp.rm(temp, { force: true }).catch(() => undefined);
        // Cancelled: the files after this one are not started; the ones saved before it are reported below.
        if (isVodError(error) && error.kind === 'cancelled') return;
        failed.push(p.imageId);
        services.log.warn(`${action} ${p.imageId}: ${isVodError(error) ? error.toLine() : String(error)}`);
        if (ids.length === 1) throw error;
      }
    });
    if (ids.length === 1 && saved[0]) {
      const open = vscode.l10n.t('Open');
      const file = saved[0].path;
      void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}.', path.basename(file)), open).then((choice) => {
        if (choice === open) void vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file));
      });
    } else if (ids.length > 1) {
      showBatchSummary(saved.length, failed.length, {
        allDone: vscode.l10n.t('{0} images downloaded.', saved.length),
        someFailed: vscode.l10n.t('{0} downloaded, {1} failed: see the log.', saved.length, failed.length),
      });
    }
    return { saved, failed };
  } catch (error) {
    reportError(services, error, action);
    return undefined;
  }
}

/** A file error about the temporary file, told about the user's file instead: the temporary name means nothing to them. */
function aboutTarget(error: unknown, file: string): unknown {
  if (!isVodError(error) || error.kind !== 'invalidInput' || error.cause === undefined) return error;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return fileError(file, error.cause, code === 'ENOENT' ? msg('file.noFolder') : undefined);
}
