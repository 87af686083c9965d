/**
 * `npm run demo`: the extension in a local VS Code (code-server) against the built-in VOD emulator.
 *
 *   tsx test/host/demo.ts [--port N]   interactive; prints the URL and the password
 *   tsx test/host/demo.ts --smoke      headless check that it all comes up; exit 0/1
 *
 * On a fresh clone the test host (code-server, playwright-core, Debian's Chromium) is not installed
 * yet, so this entry imports only Node's own modules until install.sh has run; the demo proper
 * (demoSession.ts) imports the host and is loaded afterwards.
 * `npm run demo` runs it with Node's `--require tsx/cjs` and tsx's cache off rather than the tsx CLI,
 * which leaves an IPC folder in the OS temp directory: the demo writes nothing outside the checkout
 * and its own work folder.
 */
import * as path from 'node:path';
import { hostInstalled, INSTALL_SCRIPT, ROOT } from './lib/paths';
import { runCommand } from './lib/processes';

async function prepare(): Promise<void> {
  if (!hostInstalled()) {
    console.log('demo: first run — installing the real VS Code test host under test/host/ (code-server 4.100.3 and');
    console.log('      playwright-core, ≈ 320 MB, about a minute; plus Debian\'s Chromium with apt-get if missing, 1–2 minutes).');
    console.log('      Later runs skip this.');
  }
  await runCommand('bash', [INSTALL_SCRIPT], { echo: true });
  console.log('demo: building the extension');
  await runCommand(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
}

async function main(): Promise<number> {
  const smoke = process.argv.includes('--smoke');
  const portArg = process.argv.indexOf('--port');
  const port = portArg >= 0 ? Number(process.argv[portArg + 1]) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('demo: --port takes a port number (0 lets the system choose)');
    return 2;
  }
  await prepare();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only now: it imports the host
  const session = require('./demoSession') as typeof import('./demoSession');
  return smoke ? session.runSmoke() : session.interactive(port);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
