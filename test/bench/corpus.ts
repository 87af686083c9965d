/**
 * The bench corpus: 20,000 files, ~200 MB, 5,000 distinct image IDs among code, JSON, prose, git
 * SHAs (40 hex: decoys), SHA-256 digests and UUIDs, plus binary files whose IDs must not be
 * reported. Deterministic (seeded). Used by scan.bench.ts and, inside the extension host, by
 * host/scanLoad.ts.
 */
import { seededRandom } from '../unit/support/randomInputs';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const FILE_COUNT = 20_000;
export const BINARY_FILE_COUNT = 200;
const TARGET_BYTES = 200 * 1024 * 1024;
const DISTINCT_IDS = 5_000;
const EXTRA_REFERENCES = 45_000;
/** The corpus is the same on every run and machine. */
const SEED = 0x5eed;

const hex = (algorithm: string, text: string): string => createHash(algorithm).update(text).digest('hex');

export interface Corpus {
  readonly dir: string;
  readonly ids: ReadonlySet<string>;
  readonly bytes: number;
}

const WORDS = 'alpha beta gamma delta image banner render cache value index user order item price title layout config module export default return const let await async function import from'.split(' ');

/** Filler lines without IDs: code, JSON, prose, git log with SHA-1s, SHA-256s, UUIDs. */
function fillerPool(random: () => number): string[] {
  const word = (): string => WORDS[Math.floor(random() * WORDS.length)]!;
  const pool: string[] = [];
  for (let i = 0; i < 4096; i++) {
    switch (i % 8) {
      case 0:
        pool.push(`  const ${word()}${i} = ${word()}(${word()}, ${Math.floor(random() * 1e6)}, "${word()}-${word()}");`);
        break;
      case 1:
        pool.push(`    {"name": "${word()} ${word()}", "count": ${Math.floor(random() * 1e4)}, "enabled": ${random() < 0.5}},`);
        break;
      case 2:
        pool.push(`The ${word()} ${word()} keeps the ${word()} in step with the ${word()} ${word()}, as before.`);
        break;
      case 3:
        pool.push(`commit ${hex('sha1', `decoy-${i}`)} Merge ${word()} into ${word()}`);
        break;
      case 4:
        pool.push(`  "integrity": "sha256-${hex('sha256', `digest-${i}`)}",`);
        break;
      case 5: {
        const u = hex('md5', `uuid-${i}`);
        pool.push(`  requestId: '${u.slice(0, 8)}-${u.slice(8, 12)}-${u.slice(12, 16)}-${u.slice(16, 20)}-${u.slice(20)}',`);
        break;
      }
      case 6:
        pool.push(`// ${word()}: ${word()} ${word()} ${word()} (${word()}_${hex('md5', `tail-${i}`)})`);
        break;
      default:
        pool.push(`  if (${word()} !== undefined) return ${word()}.${word()}(${word()});`);
    }
  }
  return pool;
}

const ID_TEMPLATES: readonly ((id: string) => string)[] = [
  (id) => `  imageId: "${id}",`,
  (id) => `![banner](https://cdn.example.com/image/default/${id}.png)`,
  (id) => `const cover = '${id}';`,
  (id) => `    "${id}": {"alt": "product shot"},`,
  (id) => `hero_image=${id}`,
];

/** Into `into` (created) or a new folder under the OS temp directory. */
export function generateCorpus(into?: string): Corpus {
  const dir = into ?? mkdtempSync(path.join(tmpdir(), 'vod-scan-bench-'));
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(SEED);
  const pool = fillerPool(random);
  const ids = Array.from({ length: DISTINCT_IDS }, (_, i) => hex('md5', `bench-id-${i}`));
  // Every ID at least once, then more references spread at random.
  const refsPerFile: string[][] = Array.from({ length: FILE_COUNT }, () => []);
  for (let i = 0; i < DISTINCT_IDS + EXTRA_REFERENCES; i++) {
    const id = ids[i < DISTINCT_IDS ? i : Math.floor(random() * DISTINCT_IDS)]!;
    refsPerFile[Math.floor(random() * FILE_COUNT)]!.push(id);
  }

  let bytes = 0;
  const perFile = TARGET_BYTES / FILE_COUNT;
  for (let f = 0; f < FILE_COUNT; f++) {
    const sub = path.join(dir, `pkg${Math.floor(f / 1000)}`, `mod${Math.floor(f / 100) % 10}`);
    if (f % 100 === 0) mkdirSync(sub, { recursive: true });
    const target = perFile * (0.2 + 1.6 * random());
    const lines: string[] = [];
    let size = 0;
    const refs = refsPerFile[f]!;
    while (size < target) {
      const line = refs.length > 0 && random() < 0.02 ? ID_TEMPLATES[Math.floor(random() * ID_TEMPLATES.length)]!(refs.pop()!) : pool[Math.floor(random() * pool.length)]!;
      lines.push(line);
      size += line.length + 1;
    }
    for (const id of refs) lines.push(ID_TEMPLATES[0]!(id));
    const text = `${lines.join('\n')}\n`;
    bytes += text.length;
    writeFileSync(path.join(sub, `file${f}.${['ts', 'json', 'md', 'yaml'][f % 4]}`), text);
  }
  // Binary files (NUL bytes up front) holding IDs that appear nowhere else: neither scan may report them.
  const binDir = path.join(dir, 'assets');
  mkdirSync(binDir);
  for (let b = 0; b < BINARY_FILE_COUNT; b++) {
    const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const body = Buffer.from(` tEXt id=${hex('md5', `binary-only-${b}`)} `.repeat(64));
    writeFileSync(path.join(binDir, `image${b}.png`), Buffer.concat([header, body]));
    bytes += header.length + body.length;
  }
  return { dir, ids: new Set(ids), bytes };
}

