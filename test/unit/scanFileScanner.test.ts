/**
 * The file scanner over a fake file source (every read observable and controllable), and the Node
 * file source on a real temporary folder.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { VodError } from '../../src/vod/errors';
import { scanFiles, type FileScanResult, type FileSource, type ScanFileEntry, type ScanProgress } from '../../src/vod/scan/fileScanner';
import { nodeFileSource } from '../../src/vod/scan/nodeFileSource';

const ID = (n: number): string => n.toString(16).padStart(32, '0').replace(/^0/, 'a');

/** A file source over an in-memory map; reads resolve after a tick and are counted. */
class FakeSource implements FileSource {
  readonly reads: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  readonly failing = new Set<string>();
  listError: Error | undefined;

  constructor(readonly files: Map<string, Uint8Array>, readonly sizes: Map<string, number> = new Map()) {}

  async *list(): AsyncIterable<ScanFileEntry> {
    for (const [file, bytes] of this.files) {
      yield { path: file, size: this.sizes.get(file) ?? bytes.length };
    }
    if (this.listError) throw this.listError;
  }

  async read(file: string): Promise<Uint8Array> {
    this.reads.push(file);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (this.failing.has(file)) throw new Error(`EACCES: ${file}`);
      const bytes = this.files.get(file);
      if (!bytes) throw new Error(`ENOENT: ${file}`);
      return bytes;
    } finally {
      this.inFlight -= 1;
    }
  }
}

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

function textFiles(count: number): Map<string, Uint8Array> {
  return new Map(Array.from({ length: count }, (_, i) => [`f${i}.ts`, text(`// file ${i}\nconst id = "${ID(i)}";\n`)]));
}

describe('scan: scanFiles', () => {
  it('scans every file and reports its occurrences with positions', async () => {
    const source = new FakeSource(textFiles(30));
    const results: FileScanResult[] = [];
    const summary = await scanFiles({ source, onFile: (r) => results.push(r) });
    assert.deepEqual(summary, { scanned: 30, skipped: 0, failed: 0, occurrences: 30 });
    const first = results.find((r) => r.path === 'f7.ts');
    assert.deepEqual(first, { status: 'scanned', path: 'f7.ts', occurrences: [{ id: ID(7), line: 1, character: 12, length: 32 }] });
  });

  it('keeps at most `concurrency` reads in flight', async () => {
    const source = new FakeSource(textFiles(40));
    await scanFiles({ source, concurrency: 3 });
    assert.equal(source.maxInFlight, 3);
    assert.equal(source.reads.length, 40);
  });

  it('skips files over maxFileSize without reading them, and binary files after reading', async () => {
    const files = new Map<string, Uint8Array>([
      ['big.json', text(`"${ID(1)}"`)],
      ['image.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, ...text(` ${ID(2)} `)])],
      ['ok.md', text(`see ${ID(3)}`)],
    ]);
    const source = new FakeSource(files, new Map([['big.json', 2_000_000]]));
    const results: FileScanResult[] = [];
    const summary = await scanFiles({ source, onFile: (r) => results.push(r) });
    assert.deepEqual(summary, { scanned: 1, skipped: 2, failed: 0, occurrences: 1 });
    assert.ok(!source.reads.includes('big.json'));
    assert.deepEqual(
      results.map((r) => [r.path, r.status, r.status === 'skipped' ? r.reason : '']).sort(),
      [['big.json', 'skipped', 'tooLarge'], ['image.png', 'skipped', 'binary'], ['ok.md', 'scanned', '']],
    );
  });

  it('skips a file that grew past the limit since it was listed', async () => {
    const files = new Map([['grew.txt', text(`${ID(1)} `.repeat(100))]]);
    const source = new FakeSource(files, new Map([['grew.txt', 10]]));
    const results: FileScanResult[] = [];
    await scanFiles({ source, maxFileSize: 1000, onFile: (r) => results.push(r) });
    assert.deepEqual(results, [{ status: 'skipped', path: 'grew.txt', reason: 'tooLarge' }]);
  });

  it('reports an unreadable file and carries on', async () => {
    const source = new FakeSource(textFiles(5));
    source.failing.add('f2.ts');
    const results: FileScanResult[] = [];
    const summary = await scanFiles({ source, onFile: (r) => results.push(r) });
    assert.deepEqual(summary, { scanned: 4, skipped: 0, failed: 1, occurrences: 4 });
    const failed = results.find((r) => r.status === 'failed');
    assert.ok(failed && failed.status === 'failed' && String(failed.error).includes('EACCES'));
  });

  it('uses the custom ID pattern', async () => {
    const source = new FakeSource(new Map([['a.txt', text(`img-ab12 and ${ID(1)}`)]]));
    const results: FileScanResult[] = [];
    await scanFiles({ source, pattern: 'img-[a-z0-9]{4}', onFile: (r) => results.push(r) });
    assert.deepEqual(results, [{ status: 'scanned', path: 'a.txt', occurrences: [{ id: 'img-ab12', line: 0, character: 0, length: 8 }] }]);
  });

  it('reports progress after every file, ending with the totals', async () => {
    const source = new FakeSource(textFiles(12));
    const progress: ScanProgress[] = [];
    await scanFiles({ source, concurrency: 4, onProgress: (p) => progress.push(p) });
    assert.equal(progress.length, 12);
    assert.deepEqual(progress.map((p) => p.done), Array.from({ length: 12 }, (_, i) => i + 1));
    assert.deepEqual(progress.at(-1), { listed: 12, listingDone: true, done: 12, occurrences: 12 });
    assert.ok(progress.every((p) => p.done <= p.listed));
  });

  it('stops starting reads when aborted and rejects with a cancelled VodError after in-flight reads settle', async () => {
    const source = new FakeSource(textFiles(200));
    const controller = new AbortController();
    const results: FileScanResult[] = [];
    const scan = scanFiles({
      source,
      concurrency: 4,
      signal: controller.signal,
      onFile: (r) => {
        results.push(r);
        if (results.length === 10) controller.abort();
      },
    });
    await assert.rejects(scan, (error: unknown) => error instanceof VodError && error.kind === 'cancelled');
    assert.ok(source.reads.length < 30, `read ${source.reads.length} files after the abort`);
    assert.equal(source.inFlight, 0, 'no read left running');
    assert.equal(results.length, source.reads.length, 'every started read was reported');
  });

  it('rejects at once when the signal is already aborted', async () => {
    const source = new FakeSource(textFiles(3));
    await assert.rejects(scanFiles({ source, signal: AbortSignal.abort() }), (e: unknown) => e instanceof VodError && e.kind === 'cancelled');
    assert.equal(source.reads.length, 0);
  });

  it('rejects with a listing error once started reads have settled', async () => {
    const source = new FakeSource(textFiles(6));
    source.listError = new Error('listing failed');
    await assert.rejects(scanFiles({ source }), /listing failed/);
    assert.equal(source.inFlight, 0);
  });

  it('stops and rethrows when a callback throws', async () => {
    const source = new FakeSource(textFiles(50));
    await assert.rejects(
      scanFiles({
        source,
        concurrency: 2,
        onFile: () => {
          throw new Error('consumer bug');
        },
      }),
      /consumer bug/,
    );
    assert.ok(source.reads.length < 10);
  });
});

describe('scan: nodeFileSource', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'vod-scan-test-'));
    mkdirSync(path.join(root, 'src', 'deep'), { recursive: true });
    mkdirSync(path.join(root, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(path.join(root, 'README.md'), `Banner: ${ID(1)}\n`);
    writeFileSync(path.join(root, 'src', 'deep', 'a.ts'), `x\n  "${ID(2)}"`);
    writeFileSync(path.join(root, 'node_modules', 'pkg', 'index.js'), `"${ID(3)}"`);
    symlinkSync(path.join(root, 'src'), path.join(root, 'link-to-src'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('lists regular files with sizes, not following links, skipping directories on request', async () => {
    const source = nodeFileSource(root, { skipDirectory: (name) => name === 'node_modules' });
    const listed: ScanFileEntry[] = [];
    for await (const entry of source.list()) listed.push(entry);
    assert.deepEqual(
      listed.map((e) => path.relative(root, e.path)).sort(),
      ['README.md', path.join('src', 'deep', 'a.ts')],
    );
    assert.equal(listed.find((e) => e.path.endsWith('README.md'))?.size, `Banner: ${ID(1)}\n`.length);
  });

  it('feeds scanFiles end to end', async () => {
    const found: string[] = [];
    await scanFiles({
      source: nodeFileSource(root),
      onFile: (r) => {
        if (r.status === 'scanned') for (const o of r.occurrences) found.push(`${path.relative(root, r.path)}:${o.line}:${o.character}`);
      },
    });
    assert.deepEqual(found.sort(), ['README.md:0:8', `${path.join('node_modules', 'pkg', 'index.js')}:0:1`, `${path.join('src', 'deep', 'a.ts')}:1:3`].sort());
  });
});
