// `npm run package`: builds the extension and writes dist/<name>-<version>.vsix (or `--out FILE`).
//
// vsce runs `vscode:prepublish` (the build) itself, and package.json's "vsce" section turns off
// dependency detection (the bundle already holds undici and zod) and the repository prompt.
// The README it ships has its screenshots inline and no repository-only parts (scripts/vsix-readme.mjs
// says why), so vsce is given that copy (`--readme-path`) and told not to rewrite image links to a
// repository URL, which this project does not have (`--no-rewrite-relative-links`: the one option package.json cannot carry).
// A plain `vsce package` therefore stops at the README's relative images: use `npm run package`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagedReadme } from './vsix-readme.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What the VSIX may weigh (the size users download, and what the editor unpacks at install). */
export const VSIX_BUDGET_BYTES = 300 * 1024;

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const out = outArg >= 0 ? path.resolve(process.argv[outArg + 1]) : path.join(ROOT, 'dist', `${manifest.name}-${manifest.version}.vsix`);

// In dist/ (git-ignored build output); vsce packs it as extension/readme.md.
const PACKAGED_README = 'dist/README.vsix.md';
mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
writeFileSync(path.join(ROOT, PACKAGED_README), packagedReadme(readFileSync(path.join(ROOT, 'README.md'), 'utf8'), ROOT));

const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const args = ['package', '--no-rewrite-relative-links', '--readme-path', PACKAGED_README, '--out', out];
const result = spawnSync(process.execPath, [vsce, ...args], { cwd: ROOT, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

const size = statSync(out).size;
console.log(`package: ${path.relative(process.cwd(), out) || out} (${(size / 1024).toFixed(1)} KB of a ${VSIX_BUDGET_BYTES / 1024} KB budget)`);
if (size > VSIX_BUDGET_BYTES) {
  console.error('package: the VSIX is over its size budget');
  process.exit(1);
}
