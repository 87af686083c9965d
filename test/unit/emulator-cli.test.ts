/**
 * `test/emulator/main.ts` as a separate process: --json prints one line a parent can use, the
 * emulator answers signed requests, and SIGTERM/SIGINT stop it cleanly.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { callApi } from '../emulator/rawClient';

const MAIN = join(__dirname, '..', 'emulator', 'main.ts');

function startProcess(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--require', 'tsx/cjs', MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: join(__dirname, '..', '..') });
}

async function firstLine(child: ChildProcess): Promise<string> {
  let text = '';
  for await (const chunk of child.stdout as NodeJS.ReadableStream) {
    text += chunk.toString();
    if (text.includes('\n')) return text.slice(0, text.indexOf('\n'));
  }
  throw new Error(`no output; stderr: ${child.stderr?.read()?.toString() ?? ''}`);
}

describe('emulator CLI (main.ts)', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`--json prints the endpoint and credentials; ${signal} stops it with exit code 0`, async () => {
      const child = startProcess(['--port', '0', '--json']);
      try {
        const info = JSON.parse(await firstLine(child)) as Record<string, any>;
        assert.match(info['endpoint'], /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.equal(typeof info['accessKeySecret'], 'string');
        assert.equal(info['securityToken'], undefined);
        assert.equal(typeof info['sts'].securityToken, 'string');
        const credentials = { accessKeyId: info['accessKeyId'], accessKeySecret: info['accessKeySecret'] };
        const response = await callApi(info['endpoint'], 'GetImageInfo', { ImageId: info['samples'].plain }, { credentials });
        assert.equal(response.status, 200);
        const exited = once(child, 'exit');
        child.kill(signal);
        const [code] = await exited;
        assert.equal(code, 0);
      } finally {
        child.kill('SIGKILL');
      }
    });
  }

  it('refuses a bad --port with exit code 2', async () => {
    const child = startProcess(['--port', 'seventy']);
    const [code] = await once(child, 'exit');
    assert.equal(code, 2);
  });
});
