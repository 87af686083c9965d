/**
 * Editor intelligence in the real host against the emulator: diagnostics for the blocked / failed /
 * uploading fixtures (and missing IDs only on request), the "open details" quick fix, the inline
 * decorations in `cached` and `visible` mode (read through the extension's test hooks), and the
 * signed-URL expiry hover. Expected titles and sizes are the emulator fixtures' own (fixtures.ts).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { imageIdFor } from '../emulator/fixtures';
import { activated } from './extension';
import { imageId, integrationEnv } from './hostEnv';

interface DecorationView {
  readonly line: number;
  readonly character: number;
  readonly text: string;
}
interface IntelHooks {
  decorationsFor(uri: string): DecorationView[] | undefined;
}

const SOURCE = 'VOD Images';

async function apiRequests(): Promise<number> {
  const response = await fetch(`${integrationEnv().control}/__emulator/stats`);
  return ((await response.json()) as { apiRequests: number }).apiRequests;
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last !== undefined) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('vodImages').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('editor intelligence', () => {
  let hooks: IntelHooks;

  before(async () => {
    const ext = await activated();
    const api = ext.exports as { ready: Promise<void>; testHooks?: { intel?: IntelHooks } };
    await api.ready;
    assert.ok(api.testHooks?.intel, 'the extension exposes no intel test hooks');
    hooks = api.testHooks.intel;
    // A visible explorer resolves the active editor's IDs for its Selection group: that would
    // resolve IDs the 'cached' decorations must find unresolved, and count as API calls here.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });

  afterEach(async () => {
    for (const key of ['decorations', 'diagnostics.enabled', 'diagnostics.reportMissing']) await setting(key, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('diagnostics', () => {
    const blocked = imageId('blocked');
    const uploadFail = imageId('uploadFail');
    const uploading = imageId('uploading');
    const plain = imageId('plain');
    const missing = imageId('missing');
    const content = [`blocked: ${blocked}`, `failed: ${uploadFail}`, `uploading: ${uploading}`, `fine: ${plain}`, `gone: ${missing}`, ''].join('\n');

    it('warns for the blocked and failed images, informs for the uploading one, and leaves normal and missing IDs alone', async () => {
      const doc = await vscode.workspace.openTextDocument({ content, language: 'markdown' });
      const diagnostics = await waitFor('three diagnostics', () => {
        const found = ours(doc.uri);
        return found.length >= 3 ? found : undefined;
      });
      await sleep(800); // nothing more arrives later (the missing ID, say)
      const byLine = ours(doc.uri)
        .map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.code] as const)
        .sort((a, b) => a[0] - b[0]);
      assert.deepEqual(byLine, [
        [0, 9, 41, vscode.DiagnosticSeverity.Warning, 'blocked'],
        [1, 8, 40, vscode.DiagnosticSeverity.Warning, 'uploadFail'],
        [2, 11, 43, vscode.DiagnosticSeverity.Information, 'uploading'],
      ]);
      assert.match(diagnostics.find((d) => d.code === 'blocked')!.message, /content review/);
      assert.ok(diagnostics.find((d) => d.code === 'blocked')!.message.includes(blocked));
    });

    it('reports the missing ID only with vodImages.diagnostics.reportMissing, and drops it again when switched off', async () => {
      const doc = await vscode.workspace.openTextDocument({ content, language: 'markdown' });
      await waitFor('the first diagnostics', () => (ours(doc.uri).length >= 3 ? true : undefined));
      await setting('diagnostics.reportMissing', true);
      const missingDiagnostic = await waitFor('the missing-ID warning', () => ours(doc.uri).find((d) => d.range.start.line === 4));
      assert.equal(missingDiagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(missingDiagnostic.code, 'missing');
      assert.equal(doc.getText(missingDiagnostic.range), missing);
      await setting('diagnostics.reportMissing', false);
      await waitFor('the missing-ID warning to go', () => (ours(doc.uri).some((d) => d.range.start.line === 4) ? undefined : true));
      assert.equal(ours(doc.uri).length, 3);
    });

    it('follows edits: a removed ID loses its diagnostic, an added one gets its own', async () => {
      const doc = await vscode.workspace.openTextDocument({ content: `only ${plain}\n`, language: 'plaintext' });
      const editor = await vscode.window.showTextDocument(doc);
      await sleep(1000);
      assert.equal(ours(doc.uri).length, 0);
      await editor.edit((b) => b.insert(new vscode.Position(1, 0), `now ${blocked}\n`));
      const added = await waitFor('a diagnostic for the inserted ID', () => ours(doc.uri).find((d) => d.range.start.line === 1));
      assert.equal(added.code, 'blocked');
      await editor.edit((b) => b.delete(new vscode.Range(1, 0, 2, 0)));
      await waitFor('the diagnostic to go with the ID', () => (ours(doc.uri).length === 0 ? true : undefined));
    });

    it('says nothing when vodImages.diagnostics.enabled is off', async () => {
      await setting('diagnostics.enabled', false);
      const doc = await vscode.workspace.openTextDocument({ content, language: 'markdown' });
      await sleep(1500);
      assert.deepEqual(ours(doc.uri), []);
      await setting('diagnostics.enabled', true);
      await waitFor('diagnostics once switched on', () => (ours(doc.uri).length === 3 ? true : undefined));
    });

    it('offers "Open details" as a quick fix, which opens the image details', async () => {
      const doc = await vscode.workspace.openTextDocument({ content, language: 'markdown' });
      await vscode.window.showTextDocument(doc);
      const diagnostic = await waitFor('the blocked warning', () => ours(doc.uri).find((d) => d.code === 'blocked'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((a) => a.command?.command === 'vodImages.openDetails');
      assert.ok(fix, `no open-details quick fix among ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(fix.title.includes(blocked));
      assert.ok(fix.kind?.contains(vscode.CodeActionKind.QuickFix));
      assert.deepEqual(fix.command!.arguments, [blocked]);
      const shown = await vscode.commands.executeCommand<{ imageId: string }>(fix.command!.command, ...fix.command!.arguments!);
      assert.equal(shown?.imageId, blocked);
      // None for a line without our diagnostics.
      const none = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(3, 0, 3, 1));
      assert.ok(!none.some((a) => a.command?.command === 'vodImages.openDetails'));
    });
  });

  describe('decorations', () => {
    // Fixtures no other test resolves (ordinary-20…23 of fixtures.ts): title and size by index.
    const resolved = imageIdFor('ordinary-20'); // "Spring campaign banner 3", 480×270
    const unresolved = imageIdFor('ordinary-21'); // "Summer sale hero 3", 320×200
    const visibleA = imageIdFor('ordinary-22'); // "Newsletter header 3", 640×360
    const visibleB = imageIdFor('ordinary-23'); // "Team offsite photo 3", 400×400

    it("'cached' shows only IDs already resolved, makes no API call, and fills in when a hover resolves one", async () => {
      await setting('diagnostics.enabled', false); // the diagnostics would resolve every ID of the document
      const hover = await vscode.workspace.openTextDocument({ content: resolved });
      await vscode.commands.executeCommand('vscode.executeHoverProvider', hover.uri, new vscode.Position(0, 3));

      const doc = await vscode.workspace.openTextDocument({ content: `a: ${resolved}\nb: ${unresolved}\n`, language: 'yaml' });
      const before = await apiRequests();
      await vscode.window.showTextDocument(doc);
      const shown = await waitFor('the cached decoration', () => {
        const views = hooks.decorationsFor(doc.uri.toString());
        return views && views.length > 0 ? views : undefined;
      });
      await sleep(800);
      assert.deepEqual(hooks.decorationsFor(doc.uri.toString()), [{ line: 0, character: 3, text: '  ▸ Spring campaign banner 3 · 480×270' }]);
      assert.equal(shown[0]?.line, 0);
      assert.equal((await apiRequests()) - before, 0, "'cached' made an API call");

      await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(1, 5));
      await waitFor('the second decoration after the hover', () => (hooks.decorationsFor(doc.uri.toString())?.length === 2 ? true : undefined));
      assert.deepEqual(hooks.decorationsFor(doc.uri.toString())?.[1], { line: 1, character: 3, text: '  ▸ Summer sale hero 3 · 320×200' });
    });

    it("'visible' resolves the visible IDs in one batched call", async () => {
      await setting('diagnostics.enabled', false);
      await setting('decorations', 'visible');
      const doc = await vscode.workspace.openTextDocument({ content: `- ${visibleA}\n- ${visibleB}\n- ${visibleA}\n`, language: 'markdown' });
      const before = await apiRequests();
      await vscode.window.showTextDocument(doc);
      const views = await waitFor('three decorations', () => {
        const v = hooks.decorationsFor(doc.uri.toString());
        return v?.length === 3 ? v : undefined;
      });
      assert.deepEqual(views, [
        { line: 0, character: 2, text: '  ▸ Newsletter header 3 · 640×360' },
        { line: 1, character: 2, text: '  ▸ Team offsite photo 3 · 400×400' },
        { line: 2, character: 2, text: '  ▸ Newsletter header 3 · 640×360' },
      ]);
      assert.equal((await apiRequests()) - before, 1, 'two IDs should cost one GetImageInfos call');
    });

    it("'off' shows nothing", async () => {
      await setting('decorations', 'off');
      const doc = await vscode.workspace.openTextDocument({ content: `${imageIdFor('cover')}\n` });
      await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 3));
      await vscode.window.showTextDocument(doc);
      await sleep(800);
      assert.deepEqual(hooks.decorationsFor(doc.uri.toString()), []);
    });
  });

  describe('signed-URL expiry hover', () => {
    async function expiryHover(doc: vscode.TextDocument, marker: string): Promise<{ hover: vscode.Hover; text: string } | undefined> {
      const index = doc.getText().indexOf(marker);
      // Lengths only: the text holds signed URLs.
      assert.ok(index >= 0, `the marker (${marker.length} characters) is not in the document (${doc.getText().length} characters)`);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(index + 10));
      for (const hover of hovers ?? []) {
        for (const content of hover.contents) {
          const text = content instanceof vscode.MarkdownString ? content.value : String(content);
          if (/Signed CDN URL|Presigned OSS URL/.test(text)) return { hover, text };
        }
      }
      return undefined;
    }

    it('says when a fresh URL from the emulator expires and how long ago an old one did, without echoing either', async () => {
      // Cleared first, then read until the copy shows: an earlier suite's copy must not be read as this one.
      await vscode.env.clipboard.writeText('');
      const copied = await vscode.commands.executeCommand<{ expiresAt: string }>('vodImages.copyUrl', imageId('png'));
      let fresh = '';
      for (const deadline = Date.now() + 5000; fresh === '' && Date.now() < deadline; ) {
        fresh = await vscode.env.clipboard.readText();
        if (fresh === '') await new Promise((r) => setTimeout(r, 50));
      }
      assert.match(fresh, /auth_key=/);
      assert.doesNotMatch(fresh, /\s/, 'the clipboard holds one URL');
      const expiresAt = Date.parse(copied.expiresAt);
      // The same URL with an expiry an hour and a half in the past (the hover reads the URL only).
      const oldSeconds = Math.floor(Date.now() / 1000) - 5400;
      const expired = fresh.replace(/auth_key=\d+-/, `auth_key=${oldSeconds}-`);
      const doc = await vscode.workspace.openTextDocument({ content: `fresh: ${fresh}\nold: "${expired}"\n`, language: 'markdown' });

      const freshHover = await expiryHover(doc, fresh);
      assert.ok(freshHover, 'no expiry hover on the fresh URL');
      // The emulator signs for an hour (AuthTimeout 3600 s): "in 59 min 58 s", or less if the lookup was cached.
      const shown = /Expires .* \\\(in (\d+) min( \d+ s)?\\\)/.exec(freshHover.text);
      assert.ok(shown, freshHover.text);
      const minutes = (expiresAt - Date.now()) / 60_000;
      assert.ok(Math.abs(Number(shown[1]) - minutes) <= 1, `${shown[1]} min shown, ${minutes.toFixed(1)} min left`);
      const start = doc.getText().indexOf(fresh);
      assert.ok(freshHover.hover.range?.isEqual(new vscode.Range(doc.positionAt(start), doc.positionAt(start + fresh.length))));

      const oldHover = await expiryHover(doc, expired);
      assert.ok(oldHover, 'no expiry hover on the expired URL');
      assert.match(oldHover.text, /Expired .* \\\(1 h 30 min ago\\\)/);

      for (const text of [freshHover.text, oldHover.text]) {
        assert.ok(!text.includes('auth_key'), 'the hover echoes the query');
        assert.ok(!text.includes(new URL(fresh).searchParams.get('auth_key')!.split('-')[1]!), 'the hover echoes the signature');
      }
    });

    it('makes no API call', async () => {
      const url = `https://cdn.example.com/image/default/x.png?auth_key=${Math.floor(Date.now() / 1000) + 600}-abc-0-${'0'.repeat(32)}`;
      const doc = await vscode.workspace.openTextDocument({ content: url });
      const before = await apiRequests();
      const found = await expiryHover(doc, url);
      assert.ok(found);
      assert.match(found.text, /\\\(in (9 min \d+ s|10 min)\\\)/);
      assert.equal((await apiRequests()) - before, 0);
    });
  });
});
