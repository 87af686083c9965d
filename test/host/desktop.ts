/**
 * `npm run test:desktop`: the same integration suite (out/integration) in desktop VS Code, through
 * @vscode/test-electron. It downloads VS Code on first use, so it only works on a machine that can
 * reach the VS Code update server; CI here cannot and uses code-server (run-integration.ts) instead.
 * The emulator and the environment are the same as in the code-server host.
 */
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { emulatorEnv, hostSettings, startEmulator } from './lib/emulator';
import { DEMO_WORKSPACE, HOST_DIR, INTEGRATION_OUT, ROOT } from './lib/paths';
import { onStopSignal } from './lib/signals';
import { createWorkFolder } from './lib/workFolder';

async function main(): Promise<number> {
  const work = await createWorkFolder('desktop');
  const emulator = await startEmulator({ port: 0 });
  let cleaned: Promise<void> | undefined;
  const cleanup = (): Promise<void> =>
    (cleaned ??= (async () => {
      await emulator.close();
      await work.remove();
    })());
  onStopSignal(cleanup);
  try {
    // Desktop VS Code reads user settings from <user-data-dir>/User, which the work folder already has.
    await writeFile(path.join(work.userData, 'User', 'settings.json'), JSON.stringify(hostSettings(emulator), null, 2));
    const resultFile = path.join(work.root, 'integration-result.json');
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? '1.100.3',
      // Kept between runs (a download is ~150 MB) in a git-ignored folder.
      cachePath: path.join(HOST_DIR, '.tmp', 'vscode-test'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: INTEGRATION_OUT,
      extensionTestsEnv: { ...emulatorEnv(emulator), VOD_TEST_RESULT_FILE: resultFile },
      launchArgs: [DEMO_WORKSPACE, '--user-data-dir', work.userData, '--extensions-dir', work.extensions, '--disable-extensions', '--disable-workspace-trust'],
    });
    return 0;
  } catch (err) {
    console.error(`desktop integration run failed: ${(err as Error).message}`);
    return 1;
  } finally {
    await cleanup();
  }
}

main().then((code) => process.exit(code));
