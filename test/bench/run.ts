/**
 * Runs every `test/bench/*.bench.ts` (or those whose file name contains an argument) and prints one
 * table of measured numbers against their goals. `npm run bench` builds first, then runs this.
 * `npm run bench -- --large` adds the 200,000-file corpus (large.bench.ts; not in CI).
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { BenchModule, BenchRow } from './types';

async function main(): Promise<void> {
  // Options (`--large`, `--large-files=N`) are read by the benches that take them; the rest pick files.
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((filter) => f.includes(filter)))
    .sort();
  const groups: { title: string; rows: BenchRow[] }[] = [];
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(path.join(__dirname, file)) as { default?: BenchModule } & Partial<BenchModule>;
    const bench = module.default ?? (module as BenchModule);
    process.stderr.write(`bench: ${bench.title} …\n`);
    groups.push({ title: bench.title, rows: await bench.bench() });
  }
  process.stdout.write(`${formatTable(groups)}\n`);
}

function formatTable(groups: readonly { title: string; rows: readonly BenchRow[] }[]): string {
  const header = ['metric', 'measured', 'goal', 'met', 'note'];
  const body = groups.flatMap((g) => [
    [`[${g.title}]`, '', '', '', ''],
    ...g.rows.map((r) => [`  ${r.metric}`, r.value, r.goal, r.met === undefined ? '' : r.met ? 'yes' : 'NO', r.note ?? '']),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (row: readonly string[]): string => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
