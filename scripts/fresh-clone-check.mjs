// `npm run test:fresh-clone` (and a stage of `npm test`): what a newcomer does, from a folder nobody
// tested by accident. Copies this checkout (tracked and new files, nothing git ignores: no node_modules,
// no installed test host, no build) to a path of 150+ characters with a space and an apostrophe in it,
// then runs the README's commands there exactly as written:
//   npm ci, npm run demo -- --smoke (which must install the test host itself), npm run package.
// The copy runs with a fresh empty TMPDIR, checked afterwards: the runs must leave nothing behind there.
// Prints one line per check and a closing `N passed, N failed`; exit 0 only when all passed.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIN_PATH_CHARS = 150;
const LOG_DIR = path.join(ROOT, 'test-results', 'fresh-clone');

/** A checkout folder as deep as an untidy home folder can get, with the characters shells trip on. */
function deepFolder(base) {
  const segments = ["a newcomer's projects"];
  let folder = path.join(base, ...segments, 'vod-image-inspector');
  for (let i = 1; folder.length < MIN_PATH_CHARS; i++) {
    segments.push(`nested folder ${String(i).padStart(2, '0')}`);
    folder = path.join(base, ...segments, 'vod-image-inspector');
  }
  return folder;
}

/** The working tree's files as a clone would have them (plus uncommitted work, so a developer checks what they have). */
function checkoutFiles() {
  try {
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return listed.split('\0').filter(Boolean);
  } catch {
    return filesWithoutGit(); // a downloaded archive rather than a clone
  }
}

/** Without git: every file except what .gitignore names (its `dir/`, `a/b/` and `*.ext` lines are all it has). */
function filesWithoutGit() {
  const rules = readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const ignoredBy = (rel, rule) => {
    if (rule.startsWith('*.')) return rel.endsWith(rule.slice(1));
    const folder = rule.replace(/\/$/, '');
    if (folder.includes('/')) return rel.startsWith(`${folder}/`);
    return rel.split('/').slice(0, -1).includes(folder) || rel === folder;
  };
  return readdirSync(ROOT, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(ROOT, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .filter((rel) => !rel.startsWith('.git/') && !rules.some((rule) => ignoredBy(rel, rule)));
}

async function copyCheckout(dest) {
  let copied = 0;
  for (const file of checkoutFiles()) {
    const from = path.join(ROOT, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    await mkdir(path.dirname(path.join(dest, file)), { recursive: true });
    await copyFile(from, path.join(dest, file));
    copied++;
  }
  return copied;
}

/** Runs an npm command in the copy; its output goes to a log file (and to the console on failure). */
function npm(cwd, args, env, logName) {
  return new Promise((resolve) => {
    const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', (err) => resolve({ ok: false, output: `${output}\n${err.message}` }));
    child.on('close', async (code) => {
      await mkdir(LOG_DIR, { recursive: true });
      await writeFile(path.join(LOG_DIR, `${logName}.log`), output);
      resolve({ ok: code === 0, output });
    });
  });
}

async function listRecursive(dir) {
  const entries = await readdir(dir, { recursive: true }).catch(() => []);
  return entries.sort();
}

async function main() {
  const base = await mkdtemp(path.join(os.tmpdir(), 'vii-fresh-'));
  const checkout = deepFolder(base);
  const tmp = path.join(base, 'tmp');
  await mkdir(tmp);
  // CI's own variables stay (CI=true); the temp folder is the copy's own, to see what is left in it.
  const env = { ...process.env, TMPDIR: tmp };
  for (const name of Object.keys(env)) if (name.startsWith('npm_')) delete env[name]; // not the outer npm's settings
  const results = [];
  const check = async (name, fn) => {
    const started = Date.now();
    let error;
    try {
      error = await fn();
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    results.push(!error);
    console.log(error ? `  ✖ ${name} (${seconds} s): ${error}` : `  ✔ ${name} (${seconds} s)`);
    return !error;
  };
  console.log(`fresh clone at ${checkout} (${checkout.length} characters)`);
  try {
    const copied = await copyCheckout(checkout);
    const steps = [
      ['npm ci', ['ci', '--no-audit', '--no-fund'], 'npm-ci'],
      ['npm run demo -- --smoke (installs the test host itself)', ['run', 'demo', '--', '--smoke'], 'demo-smoke'],
      ['npm run package', ['run', 'package'], 'package'],
    ];
    let ok = copied > 0;
    for (const [name, args, log] of steps) {
      if (!ok) break;
      ok = await check(name, async () => {
        const run = await npm(checkout, args, env, log);
        if (run.ok) return undefined;
        console.log(run.output.split('\n').slice(-60).join('\n'));
        return `failed; full log in ${path.relative(ROOT, path.join(LOG_DIR, `${log}.log`))}`;
      });
    }
    if (ok) {
      await check('the VSIX is in dist/ and within its budget', async () => {
        const { version, name } = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: checkout, encoding: 'utf8' }));
        const vsix = path.join(checkout, 'dist', `${name}-${version}.vsix`);
        const size = (await stat(vsix)).size;
        return size <= 300 * 1024 ? undefined : `${size} bytes`;
      });
      await check('nothing is left in the temporary folder', async () => {
        const left = await listRecursive(tmp);
        return left.length === 0 ? undefined : `left behind: ${left.slice(0, 10).join(', ')}`;
      });
    }
  } finally {
    await rm(base, { recursive: true, force: true, maxRetries: 3 });
  }
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed === 0 && passed === 0 ? 1 : failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
