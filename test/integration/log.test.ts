import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hooks } from './authHooks';

/** The "VOD Images" log file in the extension's log folder, once it holds `marker` (polled: the channel flushes on its own). */
async function logTextWith(logUri: vscode.Uri, marker: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const texts: string[] = [];
    try {
      for (const [name] of await vscode.workspace.fs.readDirectory(logUri)) {
        if (name.endsWith('.log')) texts.push(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(logUri, name))));
      }
    } catch {
      // the folder appears with the first line written
    }
    const hit = texts.find((t) => t.includes(marker));
    if (hit !== undefined) return hit;
    if (Date.now() > deadline) throw new Error(`no log file under ${logUri.toString()} contains ${marker} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('log channel (real host)', () => {
  it('every feature writes through a channel that redacts the secret in use and signed queries', async () => {
    const h = await hooks();
    const secret = process.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'];
    assert.ok(secret && secret.length >= 8, 'the host runs with the emulator key in the environment');
    assert.equal(h.services.session().label, 'env');
    const marker = `log-redaction-${Date.now()}`;
    // What an unexpected error's message could carry: the secret and a signed URL.
    h.services.log.error(`${marker} failed: ${secret} at https://cdn.example.com/a.png?auth_key=1700000000-0-0-deadbeef`);
    const text = await logTextWith(h.services.context.logUri, marker);
    const line = text.split('\n').find((l) => l.includes(marker)) ?? '';
    assert.ok(!line.includes(secret), `the secret reached the log: ${line}`);
    assert.ok(!line.includes('deadbeef'), `a signed query reached the log: ${line}`);
    assert.match(line, /https:\/\/cdn\.example\.com\/a\.png\?<redacted>/);
  });
});
