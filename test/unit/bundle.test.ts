/**
 * What the packaged extension contains. The test hooks can read stored secrets (`rawSecret`); a
 * packaged build must not contain them at all, not merely keep them behind an extension-mode check.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);
/** Names that exist only in the test hooks. */
const HOOK_ONLY = ['rawSecret', 'rawDeleteSecret', 'globalStateDump', 'setSecretStorageFailing'];

describe('bundle: test hooks are not shipped', function () {
  this.timeout(120_000);
  let packaged: string[];

  before(async () => {
    await run(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
    const { stdout } = await run(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: ROOT });
    packaged = stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  });

  for (const file of ['extension.js', 'main.js']) {
    it(`dist/${file} holds no test-hook code`, () => {
      const bundle = readFileSync(path.join(ROOT, 'dist', file), 'utf8');
      for (const name of HOOK_ONLY) assert.ok(!bundle.includes(name), `dist/${file} contains ${name}`);
    });
  }

  it('the hooks are built beside it for test hosts, and left out of the package', () => {
    assert.ok(existsSync(path.join(ROOT, 'dist', 'test-hooks.js')));
    for (const shipped of ['dist/extension.js', 'dist/main.js', 'dist/undici.js', 'dist/llhttp.wasm', 'dist/credential-sources.js', 'dist/message-catalog.js']) assert.ok(packaged.includes(shipped), `${shipped} missing from vsce ls: ${packaged.join(', ')}`);
    for (const file of packaged) assert.ok(!/test-hooks/.test(file), `${file} would be packaged`);
  });
});
