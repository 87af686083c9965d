// Bundles the suites that run inside the extension host: test/integration/index.ts and every
// *.test.ts there become out/integration/*.js; test/integration-untrusted/ (the suite run in an
// untrusted workspace) becomes out/integration-untrusted/*.js the same way, and so does
// test/integration-multiroot/ (a workspace with one folder nested in another); test/bench/host/index.ts
// (the host-side benchmark, not part of `npm test`) becomes out/bench-host/index.js. `vscode` comes
// from the host and mocha from node_modules at run time, so both stay external.
//
//   node scripts/build-tests.mjs [integration|integration-untrusted|bench-host ...]
//   (default: integration, integration-untrusted and integration-multiroot)
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

/** A folder's index.ts and every *.test.ts next to it. */
function mochaSuite(dir) {
  return [
    `${dir}/index.ts`,
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => `${dir}/${f}`),
  ];
}

const SUITES = {
  integration: () => mochaSuite('test/integration'),
  'integration-untrusted': () => mochaSuite('test/integration-untrusted'),
  'integration-multiroot': () => mochaSuite('test/integration-multiroot'),
  'bench-host': () => ['test/bench/host/index.ts'],
};

const wanted = process.argv.length > 2 ? process.argv.slice(2) : ['integration', 'integration-untrusted', 'integration-multiroot'];
for (const name of wanted) if (!(name in SUITES)) throw new Error(`unknown suite "${name}" (known: ${Object.keys(SUITES).join(', ')})`);

for (const [name, entries] of Object.entries(SUITES)) {
  if (!wanted.includes(name)) continue;
  const entryPoints = entries();
  const outdir = `out/${name}`;
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  console.log(`build-tests: ${entryPoints.length} entry points -> ${outdir}/`);
}
