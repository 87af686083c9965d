// `npm test`: the whole pipeline, in order — type check, unit tests, the integration suite inside a
// real VS Code extension host (code-server), then its untrusted-workspace and nested multi-root suites, the browser e2e
// flows, the demo's smoke check, and the newcomer's path: a copy of the checkout at a deep path with
// a space, where `npm ci`, `npm run demo -- --smoke` and `npm run package` must work from nothing.
// Prints `<stage>: N passed, N failed` per stage and one closing `N passed, N failed` line.
// Fails if any stage fails or runs no test. `npm run test:unit` is the fast everyday subset.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

/** Runs a command from the repository root; streams its output unless `quiet`, and returns it. */
function run(cmd, args, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (stream) => (chunk) => {
      output += chunk;
      if (!quiet) stream.write(chunk);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('error', (err) => resolve({ code: 1, output: `${output}\n${err.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** The last `N passed, N failed` line a runner printed (all of ours end with one). */
function closingCounts(output) {
  const lines = [...plain(output).matchAll(/^\s*(\d+) passed, (\d+) failed\b/gm)];
  const last = lines.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : undefined;
}

/** A stage's verdict from its exit code and counts: a non-zero exit or no test at all is a failure. */
function verdict(code, counts) {
  const passed = counts?.passed ?? 0;
  let failed = counts?.failed ?? 0;
  if (code !== 0 && failed === 0) failed = 1; // crashed before it could count
  return { passed, failed, ok: code === 0 && failed === 0 && passed > 0 };
}

async function setup() {
  const install = await run('bash', ['test/host/install.sh']);
  if (install.code !== 0) return 'installing the test host failed';
  const build = await run(process.execPath, ['scripts/build.mjs'], { quiet: true });
  if (build.code !== 0) {
    process.stderr.write(build.output);
    return 'building the extension failed';
  }
  const tests = await run(process.execPath, ['scripts/build-tests.mjs']);
  return tests.code === 0 ? undefined : 'building the integration suites failed';
}

/** Files checked count as passed, files with errors as failed: tsc has no tests to count. */
async function typecheck() {
  const { code, output } = await run(bin('tsc'), ['-p', '.', '--noEmit', '--listFiles', '--pretty', 'false'], { quiet: true });
  const lines = output.split('\n');
  const errors = lines.filter((l) => /error TS\d+/.test(l));
  for (const line of errors) process.stdout.write(`${line}\n`);
  const checked = lines.filter((l) => l.startsWith(ROOT) && !l.includes('/node_modules/'));
  const failing = new Set(errors.map((l) => l.replace(/\(\d+,\d+\).*$/, '').replace(/:.*$/, '')));
  if (code !== 0 && errors.length === 0) process.stdout.write(output);
  return verdict(code, { passed: checked.length - failing.size, failed: failing.size });
}

async function unit() {
  const { code, output } = await run(bin('mocha'), ['--reporter', 'spec']);
  const text = plain(output);
  const count = (word) => Number(text.match(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'm'))?.[1] ?? 0);
  return { ...verdict(code, { passed: count('passing'), failed: count('failing') }), skipped: count('pending') };
}

async function hostStage(script, ...args) {
  const { code, output } = await run(bin('tsx'), [script, ...args]);
  return verdict(code, closingCounts(output));
}

const STAGES = [
  ['typecheck', typecheck, false],
  ['unit', unit, false],
  ['integration', () => hostStage('test/host/run-integration.ts'), true],
  // The same host with workspace trust on and the folder untrusted (Restricted Mode): one more start, a few tests.
  ['integration-untrusted', () => hostStage('test/host/run-integration.ts', '--untrusted'), true],
  // A workspace file whose second folder is nested in the first (a repository and one of its packages).
  ['integration-multiroot', () => hostStage('test/host/run-integration.ts', '--multi-root'), true],
  ['e2e', () => hostStage('test/host/run-e2e.ts'), true],
  ['demo', () => hostStage('test/host/demo.ts', '--smoke'), true],
  // Installs everything itself in its copy, so it does not need (or use) this checkout's test host.
  ['fresh-clone', () => hostStage('scripts/fresh-clone-check.mjs'), false],
];

const started = Date.now();
const setupError = await setup();
const results = [];
for (const [name, fn, needsHost] of STAGES) {
  const t0 = Date.now();
  console.log(`\n=== ${name} ===`);
  const result = needsHost && setupError ? { passed: 0, failed: 1, ok: false, note: `not run: ${setupError}` } : await fn();
  result.seconds = Math.round((Date.now() - t0) / 1000);
  results.push([name, result]);
  console.log(`${name}: ${result.passed} passed, ${result.failed} failed`);
}

console.log('\n=== summary ===');
if (setupError) console.log(`setup: ${setupError}`);
for (const [name, r] of results) {
  const notes = [r.skipped ? `${r.skipped} skipped` : '', r.passed + r.failed === 0 ? 'ran no test' : '', r.note ?? '', `${r.seconds} s`];
  console.log(`${name}: ${r.passed} passed, ${r.failed} failed${r.ok ? '' : '  <- FAILED'}  (${notes.filter(Boolean).join(', ')})`);
}
console.log(`total time: ${Math.round((Date.now() - started) / 1000)} s`);
const passed = results.reduce((n, [, r]) => n + r.passed, 0);
const failed = results.reduce((n, [, r]) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every(([, r]) => r.ok) && !setupError ? 0 : 1);
