/**
 * The extension ships a cut-down undici (scripts/build.mjs bundles Agent, ProxyAgent and the request
 * API, not undici's whole index). The transport's unit tests use the full package, so this one checks
 * that the bundle users actually get still serves the transport, directly and through a proxy.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'undici.js');

describe('the shipped undici bundle', function () {
  this.timeout(60_000);

  before(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  });

  it('sends the transport\'s requests directly and through a CONNECT proxy', () => {
    const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', path.join(__dirname, 'support', 'shippedUndiciProbe.ts')], {
      cwd: ROOT,
      env: { ...process.env, VOD_UNDICI_BUNDLE: BUNDLE },
      encoding: 'utf8',
      timeout: 30_000, // a sync call: mocha's own timeout cannot interrupt it
    });
    const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { direct: string; proxied: string; put: string; streamed: string; tunnels: string[]; loaded: string[] };
    assert.match(result.direct, /^hello 127\.0\.0\.1:\d+$/);
    assert.match(result.proxied, /^hello vod\.example\.test:\d+$/);
    assert.equal(result.put, 'put 400000', 'a streamed PUT body (uploads)');
    assert.match(result.streamed, /^hello 127\.0\.0\.1:\d+$/, 'a streamed answer (downloads)');
    assert.equal(result.tunnels.length, 1);
    assert.match(result.tunnels[0] ?? '', /^vod\.example\.test:\d+$/);
    assert.deepEqual(result.loaded, [BUNDLE], 'the bundle, not node_modules/undici, served the requests');
  });
});
