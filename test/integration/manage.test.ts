/**
 * Upload, edit, delete, download and the explorer's multi-selection in the real host, against the
 * emulator. Images are uploaded by the suite itself, so editing and deleting them leaves the shared
 * fixtures alone. Modals are answered by standing in for `showWarningMessage` (the suite shares the
 * extension's `vscode` API object), and the details panel's page by a stand-in webview that lets the
 * test post what the page would.
 */
import * as assert from 'node:assert/strict';
import { existsSync, promises as fsp, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImageNode } from '../../src/ui/explorer/nodes';
import { imageIdFor } from '../emulator/fixtures';
import { VodError } from '../../src/vod/errors';
import { PartialWriteError } from '../../src/vod/upload/writeErrors';
import { msg } from '../../src/vod/messages';
import { encodePng } from '../emulator/png';
import { hooks } from './authHooks';
import { explorer } from './explorerApi';
import { imageId, integrationEnv } from './hostEnv';

interface UploadOutcome {
  uploaded: { file: string; imageId: string; status: string }[];
  failed: string[];
}

type Warn = (message: string, options: vscode.MessageOptions, ...items: string[]) => Thenable<string | undefined>;

async function answerWarnings<T>(answer: (items: string[]) => string | undefined, run: () => Thenable<T>): Promise<{ result: T; asked: { message: string; detail: string | undefined; modal: boolean }[] }> {
  const target = vscode.window as unknown as { showWarningMessage: Warn };
  const original = target.showWarningMessage;
  const asked: { message: string; detail: string | undefined; modal: boolean }[] = [];
  target.showWarningMessage = (message, options, ...items) => {
    asked.push({ message, detail: options?.detail, modal: options?.modal === true });
    return Promise.resolve(answer(items));
  };
  try {
    return { result: await run(), asked };
  } finally {
    target.showWarningMessage = original;
  }
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A real PNG of a few KB with a file name that needs care (spaces, CJK, quotes). */
async function writePng(dir: string, name: string): Promise<vscode.Uri> {
  const width = 64;
  const height = 48;
  const pixels = new Uint8Array(width * height * 3).map((_, i) => (i * 37) % 251);
  const file = path.join(dir, name);
  await fsp.writeFile(file, encodePng({ width, height, channels: 3, pixels }));
  return vscode.Uri.file(file);
}

async function upload(uris: vscode.Uri[], options: Record<string, unknown>): Promise<UploadOutcome> {
  const outcome = await vscode.commands.executeCommand<UploadOutcome>('vodImages.upload', undefined, uris, options);
  assert.ok(outcome, 'the upload reported nothing');
  return outcome;
}

/**
 * Runs `run` with the commands' progress notifications watched: `onMessage` sees each progress message
 * as it is reported and may press the notification's Cancel.
 */
async function watchingProgress<T>(onMessage: (message: string, cancel: () => void) => void, run: () => Thenable<T>): Promise<{ result: T; messages: string[] }> {
  type Report = { message?: string; increment?: number };
  type WithProgress = (options: vscode.ProgressOptions, task: (progress: vscode.Progress<Report>, token: vscode.CancellationToken) => Thenable<unknown>) => Thenable<unknown>;
  const target = vscode.window as unknown as { withProgress: WithProgress };
  const original = target.withProgress;
  const messages: string[] = [];
  target.withProgress = (options, task) =>
    original.call(vscode.window, options, (progress, token) => {
      const source = new vscode.CancellationTokenSource();
      token.onCancellationRequested(() => source.cancel());
      const watched = {
        report(value: Report): void {
          progress.report(value);
          if (value.message === undefined) return;
          messages.push(value.message);
          if (!source.token.isCancellationRequested) onMessage(value.message, () => source.cancel());
        },
      };
      return task(watched, source.token);
    });
  try {
    return { result: await run(), messages };
  } finally {
    target.withProgress = original;
  }
}

/** `run` with Cancel pressed as soon as a progress message matches `when`. */
function cancelling<T>(when: (message: string) => boolean, run: () => Thenable<T>): Promise<{ result: T; messages: string[] }> {
  return watchingProgress((message, cancel) => {
    if (when(message)) cancel();
  }, run);
}

/** Error notifications shown while `run` runs. */
async function shownErrors<T>(run: () => Thenable<T>): Promise<{ result: T; errors: string[] }> {
  const target = vscode.window as unknown as { showErrorMessage: (message: string, ...rest: unknown[]) => Thenable<unknown> };
  const original = target.showErrorMessage;
  const errors: string[] = [];
  target.showErrorMessage = (message) => (errors.push(message), Promise.resolve(undefined));
  try {
    return { result: await run(), errors };
  } finally {
    target.showErrorMessage = original;
  }
}

/** Sets emulator faults (fields given replace the current ones). */
async function setFaults(plan: Record<string, number>): Promise<void> {
  const response = await fetch(`${integrationEnv().control}/__emulator/faults`, { method: 'POST', body: JSON.stringify(plan), signal: AbortSignal.timeout(5000) });
  assert.equal(response.status, 200);
}

async function titleInVod(id: string): Promise<string | undefined> {
  const api = await (await hooks()).services.api();
  return (await api.getImageInfo(id)).Title;
}

const row = (id: string): ImageNode => ({ kind: 'image', key: `recent/${id}`, section: 'recent', imageId: id, parent: { kind: 'section', key: 'recent', section: 'recent' } });

describe('manage images (upload, edit, delete, download, multi-select)', () => {
  let dir: string;
  before(async () => {
    await explorer();
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'vod-manage-'));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it('uploads a file, waits for Normal, inserts the ID at the cursor and lists it in Recent', async () => {
    const file = await writePng(dir, 'it upload 猫 "quoted".png');
    const document = await vscode.workspace.openTextDocument({ content: 'id: \n' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 4, 0, 4);
    const outcome = await upload([file], { title: 'it upload', tags: 'it,upload', then: 'insert' });
    assert.equal(outcome.uploaded.length, 1);
    const [uploaded] = outcome.uploaded;
    assert.equal(uploaded!.status, 'Normal');
    assert.match(uploaded!.imageId, /^[0-9a-f]{32}$/);
    await until('the ID in the editor', () => document.getText() === `id: ${uploaded!.imageId}\n`);
    const x = await explorer();
    await until('the new image in Recent', () => x.tree.idsOf(x.tree.sections.recent)[0] === uploaded!.imageId);
    assert.equal(await titleInVod(uploaded!.imageId), 'it upload');
  });

  it('uploads several files, skips a file VOD does not take, and copies the IDs', async () => {
    const files = [await writePng(dir, 'a.png'), await writePng(dir, 'b.PNG'), vscode.Uri.file(path.join(dir, 'notes.txt'))];
    const outcome = await upload(files, { tags: ['batch'], then: 'copy' });
    assert.deepEqual(outcome.uploaded.map((u) => path.basename(u.file)), ['a.png', 'b.PNG']);
    assert.deepEqual(outcome.failed.map((f) => path.basename(f)), ['notes.txt']);
    await until('the IDs on the clipboard', async () => (await vscode.env.clipboard.readText()) === outcome.uploaded.map((u) => u.imageId).join('\n'));
    assert.equal(await titleInVod(outcome.uploaded[1]!.imageId), 'b', 'several files keep their file names as titles');
  });

  it('uploads several files whose names are no valid titles: each title drops what VOD refuses', async () => {
    const longName = '会议截图'.repeat(11); // 132 bytes: over the 128 a title may have
    const outcome = await upload([await writePng(dir, `${longName}.png`), await writePng(dir, 'party 🎉.png')], { then: 'none' });
    assert.deepEqual(outcome.failed, []);
    assert.equal(await titleInVod(outcome.uploaded[1]!.imageId), 'party');
    const long = await titleInVod(outcome.uploaded[0]!.imageId);
    assert.ok(long && longName.startsWith(long) && Buffer.byteLength(long) <= 128, long);
  });

  it('uploads from a machine whose clock is 20 minutes off: OSS gets the time the client corrected', async () => {
    await setFaults({ clockOffsetMs: 20 * 60_000 });
    try {
      const outcome = await upload([await writePng(dir, 'skewed clock.png')], { title: 'skewed clock', then: 'none' });
      assert.deepEqual(outcome.failed, []);
      assert.equal(outcome.uploaded.length, 1);
      assert.equal(await titleInVod(outcome.uploaded[0]!.imageId), 'skewed clock');
    } finally {
      await setFaults({ clockOffsetMs: 0 });
    }
  });

  it('Cancel at the second of two uploads deletes only that one: the first is reported and listed in Recent', async () => {
    const files = [await writePng(dir, 'kept.png'), await writePng(dir, 'cancelled.png')];
    const { result, messages } = await cancelling((m) => m.startsWith('(2/2)'), () => vscode.commands.executeCommand<UploadOutcome>('vodImages.upload', undefined, files, { then: 'none' }));
    assert.ok(messages.some((m) => m.startsWith('(2/2)')), 'the second upload started');
    assert.deepEqual(result?.uploaded.map((u) => path.basename(u.file)), ['kept.png']);
    assert.deepEqual(result?.failed, []);
    const id = result!.uploaded[0]!.imageId;
    assert.equal(await titleInVod(id), 'kept');
    const x = await explorer();
    await until('the uploaded image in Recent', () => x.tree.idsOf(x.tree.sections.recent).includes(id));
  });

  it('Cancel while VOD processes an upload keeps the image, which is uploaded, and reports it', async () => {
    const file = await writePng(dir, 'slow to process.png');
    const { result } = await cancelling((m) => m.endsWith('— processing…'), () => vscode.commands.executeCommand<UploadOutcome>('vodImages.upload', undefined, [file], { title: 'cancelled while processing', then: 'none' }));
    assert.equal(result?.uploaded.length, 1, `the upload is reported: ${JSON.stringify(result)}`);
    assert.equal(await titleInVod(result!.uploaded[0]!.imageId), 'cancelled while processing');
  });

  it('Cancel at the second of two downloads keeps and reports the first, and leaves no partial file', async () => {
    const [a, b] = [imageId('png'), imageIdFor('cover')];
    const folder = await fsp.mkdtemp(path.join(dir, 'cancelled-downloads-'));
    const rows = [row(a), row(b)];
    const { result, messages } = await cancelling(
      (m) => m.startsWith('(2/2)'),
      () => vscode.commands.executeCommand<{ saved: { imageId: string; path: string }[]; failed: string[] }>('vodImages.download', rows[0], rows, { folder }),
    );
    assert.ok(messages.some((m) => m.startsWith('(2/2)')), 'the second download started');
    assert.deepEqual(result?.saved.map((s) => s.imageId), [a]);
    assert.deepEqual(result?.failed, []);
    assert.deepEqual(await fsp.readdir(folder), [path.basename(result!.saved[0]!.path)]);
  });

  it('multi-select: copy IDs, copy signed URLs with one expiry, pin and unpin, from (clicked, selected[])', async () => {
    const [a, b] = [imageId('png'), imageIdFor('cover')];
    assert.notEqual(a, b);
    const rows = [row(a), row(b)];
    await vscode.commands.executeCommand('vodImages.copyId', rows[0], rows);
    assert.equal(await vscode.env.clipboard.readText(), `${a}\n${b}`);

    const signed = await vscode.commands.executeCommand<{ imageIds: string[]; skipped: string[] }>('vodImages.copySignedUrl', rows[0], rows, { expiresIn: 900, outputType: 'cdn' });
    assert.deepEqual(signed, { imageIds: [a, b], skipped: [] });
    const lines = (await vscode.env.clipboard.readText()).split('\n');
    assert.equal(lines.length, 2);
    lines.forEach((line, i) => {
      assert.ok(line.includes(rows[i]!.imageId), 'one URL per image, in selection order');
      assert.match(new URL(line).searchParams.get('auth_key') ?? '', /^\d+-/);
    });

    const x = await explorer();
    const pinned = await vscode.commands.executeCommand<{ imageIds: string[]; pinned: boolean }>('vodImages.pin', rows[0], rows);
    assert.deepEqual(pinned?.imageIds, [a, b]);
    assert.ok(x.tree.idsOf(x.tree.sections.pinned).includes(a) && x.tree.idsOf(x.tree.sections.pinned).includes(b));
    await vscode.commands.executeCommand('vodImages.unpin', rows[1], rows);
    assert.ok(!x.tree.idsOf(x.tree.sections.pinned).includes(a) && !x.tree.idsOf(x.tree.sections.pinned).includes(b));

    const copied = await vscode.commands.executeCommand<{ count: number }>('vodImages.copyAsJson', rows[0], rows);
    assert.equal(copied?.count, 2);
    assert.deepEqual((JSON.parse(await vscode.env.clipboard.readText()) as { id: string }[]).map((i) => i.id), [a, b]);
  });

  it('edits from the details panel form: the host checks the values again and every view shows the new title', async () => {
    const [uploaded] = (await upload([await writePng(dir, 'to-edit.png')], { title: 'before edit', then: 'none' })).uploaded;
    const id = uploaded!.imageId;
    const page = await openPanelWithStandInPage(id);
    try {
      page.post({ type: 'ready' });
      page.post({ type: 'edit', title: 'x'.repeat(129), description: '', tags: [] });
      await until('the host to refuse the long title', () => page.posted.some((m) => m.type === 'editError' && /128 bytes/.test(String(m.text))));
      assert.equal(await titleInVod(id), 'before edit');

      page.post({ type: 'edit', title: 'after <b>edit</b>', description: 'said "hi"', tags: ['one', 'two'] });
      await until('the new title in VOD', async () => (await titleInVod(id)) === 'after <b>edit</b>');
      await until('the panel to reload and say Saved', () => page.html().includes('after &lt;b&gt;edit&lt;/b&gt;'));
      const lookup = (await (await hooks()).services.images()).peek(id);
      assert.equal(lookup?.state === 'found' ? lookup.info.Tags : undefined, 'one,two', 'the shared cache holds the new facts');
    } finally {
      page.dispose();
    }
  });

  it('edits from the command with automation options, and refuses emoji before any call', async () => {
    const [uploaded] = (await upload([await writePng(dir, 'cmd-edit.png')], { then: 'none' })).uploaded;
    const id = uploaded!.imageId;
    const outcome = await vscode.commands.executeCommand<{ imageIds: string[] }>('vodImages.editImage', id, { description: 'from the command' });
    assert.deepEqual(outcome?.imageIds, [id]);
    const api = await (await hooks()).services.api();
    assert.equal((await api.getImageInfo(id)).Description, 'from the command');
    const refused = await answerWarnings(() => undefined, () => vscode.commands.executeCommand('vodImages.editImage', id, { title: 'cat 🐱' }));
    assert.equal(refused.result, undefined);
  });

  it('edits several images through the prompts: the category pick offers to keep each image\'s, and keeps them', async () => {
    const outcome = await upload([await writePng(dir, 'several-1.png'), await writePng(dir, 'several-2.png')], { then: 'none' });
    const ids = outcome.uploaded.map((u) => u.imageId);
    const api = await (await hooks()).services.api();
    await api.updateImageInfos([{ imageId: ids[0]!, cateId: 1000001 }, { imageId: ids[1]!, cateId: 1000002 }]);
    const window = vscode.window as unknown as { showInputBox: unknown; showQuickPick: unknown };
    const [input, pick] = [window.showInputBox, window.showQuickPick];
    let offered: string[] = [];
    window.showInputBox = () => Promise.resolve(''); // tags: empty keeps them
    window.showQuickPick = async (items: Thenable<vscode.QuickPickItem[]>) => {
      const list = await items;
      offered = list.map((i) => i.label);
      return list[0];
    };
    try {
      const rows = ids.map(row);
      await vscode.commands.executeCommand('vodImages.editImage', rows[0], rows);
    } finally {
      window.showInputBox = input;
      window.showQuickPick = pick;
    }
    assert.equal(offered[0], "Keep each image's category");
    assert.ok(!offered.includes('No category'), 'no item says the images lose their categories');
    assert.deepEqual(await Promise.all(ids.map(async (id) => (await api.getImageInfo(id)).CateId)), [1000001, 1000002]);
  });

  it('edits in calls of 20, and when a later call fails, the images earlier calls changed show their new facts', async () => {
    const api = await (await hooks()).services.api();
    const ids: string[] = [];
    for (let n = 0; n < 25; n++) ids.push((await api.createUploadImage({ imageExt: 'png', title: `edit partial ${n}` })).imageId);
    const images = await (await hooks()).services.images();
    await images.getMany(ids); // cached before the edit, as the views would have them
    // The second call is refused, as the client reports it: the first 20 changed, the last 5 not.
    const own = api as unknown as { updateImageInfos: typeof api.updateImageInfos };
    own.updateImageInfos = async (updates) => {
      await Object.getPrototypeOf(api).updateImageInfos.call(api, updates.slice(0, 20));
      throw new PartialWriteError(new VodError('auth', msg('write.permission', { action: 'UpdateImageInfos' }), { code: 'Forbidden.RAM' }), ids.slice(0, 20), ids.slice(20));
    };
    try {
      const rows = ids.map(row);
      const { result, errors } = await shownErrors(() => vscode.commands.executeCommand('vodImages.editImage', rows[0], rows, { tags: 'edited-in-part' }));
      assert.equal(result, undefined);
      assert.equal(errors.length, 1);
      assert.match(errors[0]!, /20 of 25/);
    } finally {
      delete (own as { updateImageInfos?: unknown }).updateImageInfos;
    }
    const tagsOf = (id: string): string | undefined => {
      const lookup = images.peek(id);
      return lookup?.state === 'found' ? (lookup.info as { Tags?: string }).Tags : undefined;
    };
    assert.deepEqual(ids.slice(0, 20).map(tagsOf), ids.slice(0, 20).map(() => 'edited-in-part'), 'the shared cache has the new tags of the changed images');
  });

  it('deletes only after the modal is answered, names the titles, and the IDs then show as missing', async () => {
    const outcome = await upload([await writePng(dir, 'del-1.png'), await writePng(dir, 'del-2.png')], { then: 'none' });
    const ids = outcome.uploaded.map((u) => u.imageId);
    const rows = ids.map(row);
    const x = await explorer();
    await vscode.commands.executeCommand('vodImages.pin', rows[0], rows);

    const cancelled = await answerWarnings(() => undefined, () => vscode.commands.executeCommand('vodImages.deleteImage', rows[0], rows));
    assert.equal(cancelled.result, undefined);
    assert.equal(cancelled.asked.length, 1);
    assert.equal(cancelled.asked[0]!.modal, true);
    assert.match(cancelled.asked[0]!.message, /Delete 2 images/);
    assert.match(cancelled.asked[0]!.detail ?? '', /“del-1”, “del-2”.*cannot be undone/s);
    assert.equal(await titleInVod(ids[0]!), 'del-1', 'nothing was deleted');

    const confirmed = await answerWarnings((items) => items[0], () => vscode.commands.executeCommand<{ deleted: string[]; failed: string[] }>('vodImages.deleteImage', rows[0], rows));
    assert.deepEqual(confirmed.result, { deleted: ids, failed: [] });
    const images = await (await hooks()).services.images();
    for (const id of ids) assert.equal(images.peek(id)?.state, 'missing', 'the shared cache says missing at once');
    await until('the rows to leave Pinned and Recent', () => ids.every((id) => !x.tree.idsOf(x.tree.sections.pinned).includes(id) && !x.tree.idsOf(x.tree.sections.recent).includes(id)));
  });

  it('deletes in calls of 20, and when a later call is refused, still reports and refreshes what earlier calls deleted', async () => {
    const api = await (await hooks()).services.api();
    const ids: string[] = [];
    for (let n = 0; n < 25; n++) ids.push((await api.createUploadImage({ imageExt: 'png', title: `partial ${n}` })).imageId);
    const rows = ids.map(row);
    // The second call is refused as a RAM policy scoped to some images would refuse it.
    const own = api as unknown as { deleteImages: typeof api.deleteImages };
    let calls = 0;
    own.deleteImages = async (batch) => {
      calls += 1;
      if (calls === 2) throw new VodError('auth', msg('write.permission', { action: 'DeleteImage' }), { code: 'Forbidden.RAM' });
      return Object.getPrototypeOf(api).deleteImages.call(api, batch);
    };
    let errors: string[];
    try {
      const shown = await shownErrors(() => answerWarnings((items) => items[0], () => vscode.commands.executeCommand<{ deleted: string[]; failed: string[] }>('vodImages.deleteImage', rows[0], rows)));
      errors = shown.errors;
      assert.deepEqual(shown.result.result, { deleted: ids.slice(0, 20), failed: ids.slice(20) });
    } finally {
      delete (own as { deleteImages?: unknown }).deleteImages;
    }
    assert.equal(calls, 2);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /may not call DeleteImage/);
    const images = await (await hooks()).services.images();
    for (const id of ids.slice(0, 20)) assert.equal(images.peek(id)?.state, 'missing', 'the deleted ones are missing in the shared cache');
    assert.equal(await titleInVod(ids[24]!), 'partial 24', 'the refused ones are still there');
  });

  it('downloads the display image to a file, and never replaces an existing file unless asked', async () => {
    const out = path.join(dir, 'download.png');
    const id = imageId('png');
    const first = await vscode.commands.executeCommand<{ saved: { path: string; bytes: number }[] }>('vodImages.download', id, { outPath: out });
    assert.equal(first?.saved[0]?.path, out);
    const bytes = await fsp.readFile(out);
    assert.equal(bytes.length, first?.saved[0]?.bytes);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);

    await fsp.writeFile(out, 'mine');
    const kept = await answerWarnings(() => undefined, () => vscode.commands.executeCommand<{ saved: unknown[] }>('vodImages.download', id, { outPath: out }));
    assert.equal(kept.asked[0]?.modal, true);
    assert.deepEqual(kept.result?.saved, []);
    assert.equal(await fsp.readFile(out, 'utf8'), 'mine');

    const replaced = await answerWarnings((items) => items[0], () => vscode.commands.executeCommand<{ saved: unknown[] }>('vodImages.download', id, { outPath: out }));
    assert.equal(replaced.result?.saved.length, 1);
    assert.deepEqual([...(await fsp.readFile(out)).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.deepEqual((await fsp.readdir(dir)).filter((f) => f.startsWith('.')), [], 'no partial file left');
  });

  it('downloads a batch without replacing a file that appears under a target name meanwhile', async () => {
    const [a, b] = [imageId('png'), imageIdFor('cover')];
    const folder = await fsp.mkdtemp(path.join(dir, 'appearing-'));
    const taken = path.join(folder, `${a}.png`);
    const rows = [row(a), row(b)];
    // Someone (a sync tool, another save) creates the first target while its download runs.
    const { result } = await watchingProgress(
      (message) => {
        if (message.startsWith('(1/2)') && !existsSync(taken)) writeFileSync(taken, 'theirs');
      },
      () => vscode.commands.executeCommand<{ saved: { imageId: string }[]; failed: string[] }>('vodImages.download', rows[0], rows, { folder }),
    );
    assert.equal(await fsp.readFile(taken, 'utf8'), 'theirs');
    assert.deepEqual(result?.failed, [a]);
    assert.deepEqual(result?.saved.map((s) => s.imageId), [b]);
    assert.deepEqual((await fsp.readdir(folder)).filter((f) => f.startsWith('.')), [], 'no partial file left');
  });

  it('downloads to a long file name, and a failure names the file the user chose', async () => {
    const id = imageId('png');
    const long = path.join(dir, `${'b'.repeat(226)}.png`);
    const saved = await vscode.commands.executeCommand<{ saved: { path: string }[] }>('vodImages.download', id, { outPath: long });
    assert.deepEqual(saved?.saved.map((s) => s.path), [long]);
    const { errors } = await shownErrors(() => vscode.commands.executeCommand('vodImages.download', id, { outPath: path.join(dir, 'no such folder', 'cat.png') }));
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /"cat\.png".*folder does not exist/);
  });
});

/** Opens the details panel with a stand-in page: the test posts as the page and reads what the host posts. */
async function openPanelWithStandInPage(id: string): Promise<{ post(message: unknown): void; posted: Record<string, unknown>[]; html(): string; dispose(): void }> {
  const target = vscode.window as unknown as { createWebviewPanel: typeof vscode.window.createWebviewPanel };
  const original = target.createWebviewPanel;
  const fromPage = new vscode.EventEmitter<unknown>();
  const posted: Record<string, unknown>[] = [];
  let real: vscode.WebviewPanel | undefined;
  target.createWebviewPanel = ((...args: Parameters<typeof original>) => {
    real = original(...args);
    const webview = new Proxy(real.webview, {
      get(t, p) {
        if (p === 'onDidReceiveMessage') return fromPage.event;
        if (p === 'postMessage') {
          return (m: Record<string, unknown>) => {
            posted.push(m);
            return Promise.resolve(true);
          };
        }
        const v = Reflect.get(t, p, t) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
      },
      set: (t, p, v) => Reflect.set(t, p, v, t),
    });
    return new Proxy(real, {
      get(t, p) {
        if (p === 'webview') return webview;
        const v = Reflect.get(t, p, t) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
      },
      set: (t, p, v) => Reflect.set(t, p, v, t),
    });
  }) as typeof original;
  try {
    await vscode.commands.executeCommand('vodImages.openDetails', id);
  } finally {
    target.createWebviewPanel = original;
  }
  assert.ok(real, 'no panel was created');
  await until('the panel to show the image', () => real!.webview.html.includes('edit-form'));
  return {
    post: (message) => fromPage.fire(message),
    posted,
    html: () => real!.webview.html,
    dispose: () => real?.dispose(),
  };
}
