/**
 * The demo itself, loaded by `demo.ts` once the test host is installed (this module imports it).
 * The extension as a user gets it (a freshly packaged VSIX) in code-server, pointed at the local VOD
 * emulator with demo credentials, on the sample workspace test/fixtures/demo. Listens on 127.0.0.1
 * only, behind a random password, and stops everything on Ctrl+C.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { openWorkbench } from '../e2e/lib/workbench';
import { demoIdCounts } from '../fixtures/demoImageIds';
import { startHost, type Host } from './lib/host';
import { DEMO_WORKSPACE, ROOT } from './lib/paths';
import { screenshot, summaryLine } from './lib/results';
import { packageVsix } from './lib/vsix';

function startDemoHost(password: string, port: number): Promise<Host> {
  return startHost({
    label: 'demo',
    vsix: (work) => packageVsix(path.join(work.root, 'vod-image-inspector.vsix')),
    auth: { kind: 'password', password },
    port,
  });
}

export async function interactive(port: number): Promise<number> {
  const password = randomBytes(12).toString('base64url');
  const host = await startDemoHost(password, port);
  console.log('');
  console.log('VOD Image Inspector demo is running (local only).');
  console.log(`  Open:      ${host.url({ kind: 'installed' })}`);
  console.log(`  Password:  ${password}`);
  console.log(`  Emulator:  ${host.emulator.endpoint} (demo AccessKey, fixture images)`);
  console.log('Press Ctrl+C to stop.');
  // Ctrl+C is handled by the host (it stops everything, then exits); what is left here is a crash.
  await host.server.exited;
  if (host.closing) return new Promise<number>(() => undefined);
  console.error('demo: code-server stopped unexpectedly; see its log above');
  await host.close();
  return 1;
}

type Check = readonly [name: string, run: () => Promise<void>];

async function smokeChecks(host: Host, password: string): Promise<Check[]> {
  const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const extensionDir = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
  const browser = await host.newBrowser('demo');
  const page = browser.pages()[0] ?? (await browser.newPage());
  return [
    ['the packaged VSIX is installed', async () => {
      const installed = await readdir(host.work.extensions);
      if (!installed.includes(extensionDir)) throw new Error(`${extensionDir} not in ${installed.join(', ')}`);
    }],
    ['the editor refuses visitors without the password', async () => {
      const res = await fetch(host.server.origin, { redirect: 'manual' });
      const location = res.headers.get('location') ?? '';
      if (res.status !== 302 || !location.includes('login')) throw new Error(`got ${res.status} ${location}`);
    }],
    ['the password opens the workbench and the extension activates', async () => {
      await page.goto(host.url({ kind: 'installed' }));
      await page.locator('input[type="password"]').fill(password);
      await page.locator('input[type="password"]').press('Enter');
      await openWorkbench(page, host.url({ kind: 'installed' }));
      await screenshot(page, 'demo', 'smoke');
    }],
    ['every image ID in the demo workspace is known to the emulator', async () => {
      const known = new Set(host.emulator.images.map((i) => i.imageId));
      known.add(host.emulator.missingImageId); // the README's deliberately deleted image
      const unknown = (await demoImageIds()).filter((id) => !known.has(id));
      if (unknown.length) throw new Error(`unknown IDs: ${unknown.join(', ')}`);
    }],
  ];
}

async function demoImageIds(): Promise<string[]> {
  const ids = [...demoIdCounts(DEMO_WORKSPACE).keys()];
  if (ids.length === 0) throw new Error('the demo workspace mentions no image ID');
  return ids;
}

export async function runSmoke(): Promise<number> {
  const password = randomBytes(12).toString('base64url');
  const host = await startDemoHost(password, 0);
  let passed = 0;
  let failed = 0;
  try {
    console.log('demo smoke');
    for (const [name, run] of await smokeChecks(host, password)) {
      try {
        await run();
        passed++;
        console.log(`  ✔ ${name}`);
      } catch (err) {
        failed++;
        console.log(`  ✖ ${name}: ${(err as Error).message}`);
      }
    }
    if (failed) console.log(`logs: ${await host.keepLogs()}`);
  } finally {
    await host.close();
  }
  console.log(summaryLine(passed, failed));
  return failed === 0 ? 0 : 1;
}
