/**
 * The monorepo-sized corpus of `npm run bench -- --large` (large.bench.ts), deterministic: N files of
 * ~10 KB (~2 GB at 200,000), N/4 distinct IDs, 1 % binary files, ten huge minified files over the
 * size limit and a hundred just under it, folders 40 deep. Generated in plain Node by large.bench.ts and
 * inside the extension host by host/scanLoad.ts (the same corpus, scanned by the real explorer).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { seededRandom } from '../unit/support/randomInputs';

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

export interface LargeCorpus {
  readonly dir: string;
  readonly files: string[];
  readonly ids: string[];
  readonly bytes: number;
}

/** ~4 KB blocks of ID-free text (code, JSON, git SHAs, digests), encoded once and reused. */
function fillerBlocks(random: () => number): Buffer[] {
  const words = 'alpha beta gamma delta image banner render cache value index user order item price title layout'.split(' ');
  const word = (): string => words[Math.floor(random() * words.length)]!;
  return Array.from({ length: 64 }, (_, b) => {
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 4096; i++) {
      const line =
        i % 4 === 0
          ? `commit ${createHash('sha1').update(`${b}-${i}`).digest('hex')} ${word()} ${word()}`
          : i % 4 === 1
            ? `  "integrity": "sha256-${createHash('sha256').update(`${b}-${i}`).digest('hex')}",`
            : `  const ${word()}${i} = ${word()}(${word()}, ${Math.floor(random() * 1e6)});`;
      lines.push(line);
      size += line.length + 1;
    }
    return Buffer.from(`${lines.join('\n')}\n`);
  });
}

/** `into`: the folder to fill (created if missing); a new one under the OS temp directory otherwise. */
export function generateLargeCorpus(count: number, into?: string): LargeCorpus {
  const dir = into ?? mkdtempSync(path.join(tmpdir(), 'vod-large-bench-'));
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(0x1a29e);
  const blocks = fillerBlocks(random);
  const ids = Array.from({ length: Math.max(1, Math.floor(count / 4)) }, (_, i) => md5(`large-id-${i}`));
  const files: string[] = [];
  let bytes = 0;
  const deep = path.join(dir, ...Array.from({ length: 40 }, (_, i) => `level${i}`));
  mkdirSync(deep, { recursive: true });
  for (let f = 0; f < count; f++) {
    const folder = f % 100 === 7 ? deep : path.join(dir, `pkg${Math.floor(f / 1000)}`, `mod${Math.floor(f / 100) % 10}`);
    if (f % 100 === 0) mkdirSync(folder, { recursive: true });
    let content: Buffer;
    let name: string;
    if (f % 100 === 50) {
      // Binary: a NUL up front and an ID nowhere else (never reported).
      content = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), Buffer.from(`\n${md5(`binary-${f}`)}\n`), blocks[f % 64]!]);
      name = `image${f}.png`;
    } else if (f % Math.max(1, Math.floor(count / 10)) === 3) {
      // Huge minified, over the 1 MiB limit: never read.
      content = Buffer.from(`var a=${JSON.stringify(ids.slice(0, 4096))};`.repeat(60));
      name = `bundle${f}.min.js`;
    } else if (f % Math.max(1, Math.floor(count / 100)) === 5) {
      // Minified, one 900 KB line just under the limit, full of IDs.
      const refs = Array.from({ length: 64 }, (_, k) => ids[(f + k * 997) % ids.length]!);
      content = Buffer.from(`!function(){var m=${JSON.stringify(refs)};${'x=m.map(function(v){return v+1});'.repeat(25_000)}}();`);
      name = `vendor${f}.min.js`;
    } else {
      const parts = [blocks[f % 64]!, Buffer.from(`  imageId: "${ids[f % ids.length]}",\n`)];
      for (let k = Math.floor(random() * 4); k > 0; k--) parts.push(blocks[Math.floor(random() * 64)]!);
      content = Buffer.concat(parts);
      name = `file${f}.${['ts', 'json', 'md', 'yaml'][f % 4]}`;
    }
    const file = path.join(folder, name);
    writeFileSync(file, content);
    files.push(file);
    bytes += content.length;
  }
  return { dir, files, ids, bytes };
}

