/**
 * The test host's work folder: it holds Chromium's and code-server's Unix sockets, whose paths may hold
 * at most 107 bytes, so it must be short wherever the checkout lives (a checkout at an ordinary
 * home-folder path once broke every browser stage with "Socket path too long").
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createWorkFolder, MAX_SOCKET_PATH_BYTES, SOCKET_SUFFIX_BYTES, workBase } from '../../test/host/lib/workFolder';
import { ROOT } from '../../test/host/lib/paths';

// The socket paths the host's children make below the work folder, as seen in their logs.
const CHROMIUM_SINGLETON = 'tmp/org.chromium.Chromium.AbC123/SingletonSocket';
const CODE_SERVER_IPC = 'run/vscode-ipc-8f0c5a2e-1b7d-4c1e-9a53-2f6d0c8e4b71.sock';
const GIT_IPC = 'tmp/vscode-git-2f6d0c8e4b.sock';

describe('test host work folder', () => {
  it('reserves room for every socket its children make', () => {
    for (const socket of [CHROMIUM_SINGLETON, CODE_SERVER_IPC, GIT_IPC]) {
      assert.ok(socket.length + 1 <= SOCKET_SUFFIX_BYTES, `${socket} needs more than ${SOCKET_SUFFIX_BYTES} bytes`);
    }
  });

  it('lives under the OS temp directory, not in the checkout', async () => {
    const work = await createWorkFolder('integration');
    try {
      assert.equal(path.dirname(work.root), workBase());
      assert.ok(!work.root.startsWith(ROOT + path.sep), `${work.root} is inside the checkout`);
      for (const socket of [CHROMIUM_SINGLETON, CODE_SERVER_IPC, GIT_IPC]) {
        const full = path.join(work.root, socket);
        assert.ok(Buffer.byteLength(full) <= MAX_SOCKET_PATH_BYTES, `${full} is too long for a socket`);
      }
      assert.equal(work.env.TMPDIR, work.tmp);
      assert.ok(work.tmp.startsWith(work.root) && work.home.startsWith(work.root));
    } finally {
      await work.remove();
    }
    assert.ok(!existsSync(work.root), 'remove() leaves nothing behind');
  });

  it('uses the OS temp directory when it is short, and /tmp when TMPDIR is too long for sockets', () => {
    assert.equal(workBase('/tmp'), '/tmp');
    assert.equal(workBase('/var/folders/x7/abc/T'), '/var/folders/x7/abc/T');
    const deep = path.join(os.homedir(), 'projects', 'a very long folder name'.repeat(3), 'tmp');
    assert.equal(workBase(deep), '/tmp');
  });
});
