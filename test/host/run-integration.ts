/**
 * Runs the integration suite (out/integration, built by scripts/build-tests.mjs) inside a real
 * extension host: code-server + headless Chromium, the extension loaded from this repository.
 * Exit code 0 only if the suite ran at least one test and none failed.
 *
 *   tsx test/host/run-integration.ts [--grep <pattern>] [--suite <folder>] [--untrusted | --multi-root]
 *
 * `--suite` runs another bundled suite the same way (e.g. out/bench-host, the host-side benchmark).
 * `--untrusted` turns workspace trust on and opens the folder untrusted (Restricted Mode); its suite
 * is out/integration-untrusted unless `--suite` names another. `--multi-root` opens a workspace file
 * whose second folder is nested in the first (the demo and a package inside it, as a monorepo is often
 * opened); its suite is out/integration-multiroot.
 * The workbench opens a copy of the demo workspace in the run's work folder: tests may add, change
 * and delete files there without touching the repository or another run.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { format } from 'node:util';
import { startHost } from './lib/host';
import { DEMO_WORKSPACE, INTEGRATION_MULTIROOT_OUT, INTEGRATION_OUT, INTEGRATION_UNTRUSTED_OUT, ROOT } from './lib/paths';
import { withTimeout } from './lib/processes';
import { screenshot, summaryLine } from './lib/results';

const TIMEOUT_MS = Number(process.env.VOD_HOST_TIMEOUT_MS ?? 300_000);
const UNTRUSTED = process.argv.includes('--untrusted');
const MULTI_ROOT = process.argv.includes('--multi-root');
const LABEL = UNTRUSTED ? 'integration-untrusted' : MULTI_ROOT ? 'integration-multiroot' : 'integration';
/** Workbench chatter with no bearing on the suite: offline gallery lookups, connection set-up. */
const HARMLESS_NOISE = /ENOTFOUND open-vsx\.org|^Creating a socket|connection token|^Updating additional builtin extensions cache|^\[Service Worker\]|ChatSessionStore/;

interface SuiteResult {
  passes: number;
  failures: number;
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const suite = path.resolve(ROOT, argValue('--suite') ?? (UNTRUSTED ? INTEGRATION_UNTRUSTED_OUT : MULTI_ROOT ? INTEGRATION_MULTIROOT_OUT : INTEGRATION_OUT));
  if (!existsSync(path.join(suite, 'index.js'))) {
    console.error(`${suite}/index.js is missing: run \`node scripts/build-tests.mjs\` first`);
    return 1;
  }
  const grep = argValue('--grep');
  const host = await startHost({
    label: LABEL,
    trust: UNTRUSTED ? 'untrusted' : 'disabled',
    folder: async (work) => {
      const copy = path.join(work.root, 'demo');
      await cp(DEMO_WORKSPACE, copy, { recursive: true });
      return MULTI_ROOT ? nestedWorkspace(work.root, copy) : copy;
    },
    // The suite writes its counts here: the exit code alone cannot tell "all passed" from "ran nothing".
    env: (work) => ({
      VOD_TEST_RESULT_FILE: path.join(work.root, 'integration-result.json'),
      ...(grep ? { VOD_TEST_GREP: grep } : {}),
    }),
  });
  const resultFile = String(host.env.VOD_TEST_RESULT_FILE);
  let exitCode = 1;
  try {
    const browser = await host.newBrowser(LABEL);
    let finish: (code: number) => void = () => undefined;
    const finished = new Promise<number>((resolve) => (finish = resolve));
    // The workbench forwards the extension host's console here and calls exit when `run()` settles.
    await browser.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const message = format(...(args ?? []));
      if (!HARMLESS_NOISE.test(message)) console.log(message);
    });
    await browser.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(host.url({ kind: 'development', path: ROOT, testsPath: suite }));
    try {
      exitCode = await withTimeout(finished, TIMEOUT_MS, 'integration suite');
    } catch (err) {
      console.error(String(err));
    }
    const result = await readResult(resultFile);
    if (exitCode === 0 && (!result || result.passes === 0)) {
      console.error('the suite reported success but ran no test');
      exitCode = 1;
    }
    console.log(summaryLine(result?.passes ?? 0, result?.failures ?? (exitCode === 0 ? 0 : 1)));
    if (exitCode !== 0) {
      console.error(`screenshot: ${await screenshot(page, LABEL, 'failure')}`);
      console.error(`logs: ${await host.keepLogs()}`);
    }
  } finally {
    await host.close();
  }
  return exitCode === 0 ? 0 : 1;
}

/**
 * A workspace file with the demo and a package nested in it as its two folders. The scan exclude is
 * relative to each folder: `gen/**` excludes the package's gen/ for the package, not for the demo. The
 * package's own .vscode/settings.json adds `search.exclude` for its dist/ (a folder setting).
 */
async function nestedWorkspace(root: string, demo: string): Promise<string> {
  const app = path.join(demo, 'packages', 'app');
  await mkdir(path.join(app, 'src'), { recursive: true });
  await mkdir(path.join(app, '.vscode'), { recursive: true });
  // The package's own scan.exclude replaces the workspace file's gen/** for its files (it keeps gen/** and adds snap/**).
  await writeFile(path.join(app, '.vscode', 'settings.json'), JSON.stringify({ 'search.exclude': { 'dist/**': true }, 'vodImages.scan.exclude': ['gen/**', 'snap/**'] }, null, 2));
  const file = path.join(root, 'nested.code-workspace');
  const workspace = { folders: [{ path: demo }, { path: app }], settings: { 'vodImages.scan.exclude': ['gen/**'] } };
  await writeFile(file, JSON.stringify(workspace, null, 2));
  return file;
}

async function readResult(file: string): Promise<SuiteResult | undefined> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Partial<SuiteResult>;
    return { passes: Number(data.passes ?? 0), failures: Number(data.failures ?? 0) };
  } catch {
    return undefined;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
