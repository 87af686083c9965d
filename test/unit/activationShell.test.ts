/**
 * The activation shell (src/extension.ts, built to dist/extension.js) parses and runs only what must
 * exist from the start; the features (dist/main.js) load on first use. Each scenario runs the built
 * shell in a fresh process with a recording stand-in for `vscode` (support/shellHarness.cjs).
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..');
const HARNESS = path.join(__dirname, 'support', 'shellHarness.cjs');
const run = promisify(execFile);

async function scenario(name: string): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, [HARNESS, name], { cwd: ROOT });
  const result = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
  if (result.error) assert.fail(String(result.error));
  return result;
}

const contributed = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } }).contributes.commands
  .map((c) => c.command)
  .sort();

describe('activation shell', function () {
  this.timeout(120_000);
  before(async () => {
    await run(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  });

  it('registers a stand-in for every contributed command and loads no feature code', async () => {
    const r = await scenario('none');
    assert.deepEqual(r.proxies, contributed);
    assert.equal(r.loadedAtActivation, false);
  });

  it('a command run through its stand-in loads the features, which take over every command ID', async () => {
    const r = await scenario('command');
    assert.equal(r.loadedAfterCommand, true);
    const after = r.registeredAfter as string[];
    for (const id of contributed) assert.ok(after.includes(id), `${id} has no handler after the features loaded`);
  });

  it('a hover loads the features only over an ID', async () => {
    const r = await scenario('hover');
    assert.equal(r.loadedAfterPlainHover, false);
    assert.equal(r.loadedAfterIdHover, true);
  });

  it('a workspace known to use VOD loads the features right after activation', async () => {
    const r = await scenario('presence');
    assert.equal(r.loadedAtActivation, false);
    assert.equal(r.loadedSoonAfter, true);
  });
});
