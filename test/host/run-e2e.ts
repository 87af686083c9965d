/**
 * Runs the UI flows in test/e2e/*.flow.ts against the extension installed from a freshly packaged
 * VSIX in code-server, each in a new headless Chromium profile on the demo workspace. Every flow
 * saves its screenshots under test-results/e2e/, plus `<flow>-failure.png` when it fails.
 *
 *   tsx test/host/run-e2e.ts [name-filter ...]
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Flow } from '../e2e/lib/flow';
import { openWorkbench } from '../e2e/lib/workbench';
import { imageIdsByTrait } from './lib/emulator';
import { startHost, type Host } from './lib/host';
import { E2E_DIR } from './lib/paths';
import { withTimeout } from './lib/processes';
import { screenshot, summaryLine } from './lib/results';
import { packageVsix } from './lib/vsix';

const FLOW_TIMEOUT_MS = Number(process.env.VOD_FLOW_TIMEOUT_MS ?? 120_000);
const LABEL = 'e2e';

function loadFlows(filters: readonly string[]): Array<{ file: string; flow: Flow }> {
  return readdirSync(E2E_DIR)
    .filter((f) => f.endsWith('.flow.ts'))
    .sort()
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .map((f) => {
      const file = path.join(E2E_DIR, f);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx compiles the flow on require
      const mod = require(file) as { default?: Flow };
      if (!mod.default?.run) throw new Error(`${f} must \`export default flow(...)\``);
      return { file: f, flow: mod.default };
    });
}

function slug(file: string): string {
  return file.replace(/\.flow\.ts$/, '');
}

async function runFlow(host: Host, file: string, flow: Flow): Promise<boolean> {
  const name = slug(file);
  const browser = await host.newBrowser(name);
  const page = browser.pages()[0] ?? (await browser.newPage());
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  const started = Date.now();
  try {
    await openWorkbench(page, host.url({ kind: 'installed' }));
    await withTimeout(
      flow.run({
        page,
        imageIds: imageIdsByTrait(host.emulator),
        emulatorEndpoint: host.emulator.endpoint,
        screenshot: (shot) => screenshot(page, LABEL, `${name}-${shot}`),
      }),
      FLOW_TIMEOUT_MS,
      `flow "${flow.name}"`,
    );
    console.log(`  ✔ ${flow.name} (${Date.now() - started} ms)`);
    return true;
  } catch (err) {
    console.log(`  ✖ ${flow.name}`);
    console.log(`      ${String((err as Error).stack ?? err).split('\n').join('\n      ')}`);
    console.log(`      screenshot: ${await screenshot(page, LABEL, `${name}-failure`).catch(String)}`);
    const relevant = consoleErrors
      .filter((e) => !/ENOTFOUND|vsda|open-vsx|status of 404/.test(e))
      .map((e) => (e.length > 300 ? `${e.slice(0, 300)}…` : e))
      .slice(-10);
    if (relevant.length) console.log(`      browser console errors:\n        ${relevant.join('\n        ')}`);
    return false;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<number> {
  const flows = loadFlows(process.argv.slice(2));
  if (flows.length === 0) {
    console.error('no flow matched');
    console.log(summaryLine(0, 0));
    return 1;
  }
  const host = await startHost({ label: LABEL, vsix: (work) => packageVsix(path.join(work.root, 'under-test.vsix')) });
  let passed = 0;
  let failed = 0;
  try {
    console.log('e2e flows');
    for (const { file, flow } of flows) {
      if (await runFlow(host, file, flow)) passed++;
      else failed++;
    }
    if (failed) console.log(`logs: ${await host.keepLogs()}`);
  } finally {
    await host.close();
  }
  console.log(summaryLine(passed, failed));
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
