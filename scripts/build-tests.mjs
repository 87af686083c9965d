// Bundles the integration suite for the extension host: test/integration/index.ts and every
// *.test.ts there become out/integration/*.js. `vscode` comes from the host and mocha from
// node_modules at run time, so both stay external.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const dir = 'test/integration';
const entryPoints = [
  `${dir}/index.ts`,
  ...readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f}`),
];

rmSync('out/integration', { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir: 'out/integration',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`build-tests: ${entryPoints.length} entry points -> out/integration/`);
