/**
 * The ripgrep-backed scan: its command line (fixed flags, values glued to their flags, globs and
 * patterns it refuses), the reader of ripgrep's output, and a real ripgrep run (the one the test
 * host's code-server ships, else `rg` on PATH; skipped when neither exists) checked against the
 * built-in scanner on the same folder: same IDs at the same positions, excludes and the size limit
 * honoured, binary files skipped, and a clear failure the caller can fall back on.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isVodError } from '../../src/vod/errors';
import { scanFiles } from '../../src/vod/scan/fileScanner';
import { nodeFileSource } from '../../src/vod/scan/nodeFileSource';
import { ripgrepArgs, ripgrepGlob, ripgrepPattern, skipFolderGlob } from '../../src/vod/scan/ripgrepArgs';
import { isInsideAny, pathInside } from '../../src/vod/scan/nestedFolders';
import { excludedFolderTest } from '../../src/vod/scan/excludedFolder';
import { seededRandom } from './support/randomInputs';
import { findDefaultPatternIds } from '../../src/vod/scan/defaultPatternIds';
import { RipgrepLineReader, type RipgrepFile } from '../../src/vod/scan/ripgrepLines';
import { READ_SLICE_MS, RipgrepFailed, scanWithRipgrep } from '../../src/vod/scan/ripgrepScan';
import type { TextOccurrence } from '../../src/vod/scan/scanText';

const ID = 'd41d8cd98f00b204e9800998ecf8427e';
const ID2 = '0123456789abcdef0123456789abcdef';
const ID3 = 'fedcba9876543210fedcba9876543210';
const DEFAULT = '[0-9a-f]{32}';
const RULES: { idPattern: string; include: readonly string[]; exclude: readonly string[]; maxFileSize: number } = { idPattern: DEFAULT, include: [], exclude: [], maxFileSize: 1024 * 1024 };

describe('scan: ripgrep command line', () => {
  it('keeps every workspace-controlled value glued to its flag, behind fixed flags that switch off config and ignore files', () => {
    const plan = ripgrepArgs({ ...RULES, include: ['src/**'], exclude: ['-x', '**/node_modules'] });
    assert.ok(plan.ok);
    assert.deepEqual(plan.args.slice(0, 4), ['--no-config', '--no-ignore', '--hidden', '--no-messages']);
    assert.ok(plan.args.includes('--glob=/src/**'));
    assert.ok(plan.args.includes('--glob=!/-x'), 'a glob starting with - is a value, never a flag');
    assert.ok(plan.args.includes('--glob=!**/node_modules'));
    assert.ok(plan.args.indexOf('--glob=/src/**') < plan.args.indexOf('--glob=!**/node_modules'), 'excludes come last, so they win');
    assert.deepEqual(plan.args.slice(-2), ['--', '.']);
    for (const arg of plan.args) assert.ok(arg.startsWith('--') || arg === '.', `${arg} is a flag or the fixed path`);
  });

  it('names the folders of an incremental rescan after `--`, so a folder named like a flag stays a path', () => {
    const plan = ripgrepArgs(RULES, { folders: ['--glob=x', '-e', 'a b/c'], maxDepth: 1 });
    assert.ok(plan.ok);
    assert.deepEqual(plan.args.slice(-4), ['--', '--glob=x', '-e', 'a b/c']);
    assert.ok(plan.args.indexOf('--max-depth=1') < plan.args.indexOf('--'));
    assert.equal(ripgrepArgs(RULES, { folders: [] }).ok, false, 'no folder: not the whole workspace');
    assert.equal(ripgrepArgs(RULES, { maxDepth: 0 }).ok, false);
  });

  it('anchors VS Code globs to the folder, as VS Code reads them', () => {
    assert.equal(ripgrepGlob('*.min.js'), '/*.min.js');
    assert.equal(ripgrepGlob('**/dist/**'), '**/dist/**');
    assert.equal(ripgrepGlob('build'), '/build');
    assert.equal(ripgrepGlob('/abs/x'), '/abs/x');
  });

  it('refuses globs the two dialects may read differently', () => {
    for (const glob of ['!x', 'a\\b', '{a,{b,c}}', 'a\u0000b', ' ']) assert.equal(ripgrepGlob(glob), undefined, glob);
    const plan = ripgrepArgs({ ...RULES, exclude: ['a\\b'] });
    assert.equal(plan.ok, false);
  });

  it('hands simple custom patterns to ripgrep and keeps the rest for the built-in scanner', () => {
    assert.match(ripgrepPattern(DEFAULT)!, /\[0-9A-Fa-f\]\{32\}/);
    assert.equal(ripgrepPattern('img-[0-9a-z]{10,20}'), '(?:img-[0-9a-z]{10,20})|\\r[^\\n]');
    assert.equal(ripgrepPattern('(?:ab|cd)\\d{6}'), '(?:(?:ab|cd)\\d{6})|\\r[^\\n]');
    for (const pattern of ['.{32}', '[^x]{32}', '\\w{32}', '[\\da-f]{32}', '\\p{L}{4}', 'a\\sb']) assert.equal(ripgrepPattern(pattern), undefined, pattern);
  });
});

function read(output: string, pattern = DEFAULT, chunkSize = 7): RipgrepFile[] {
  const files: RipgrepFile[] = [];
  const reader = new RipgrepLineReader(pattern, (file) => files.push(file));
  const bytes = Buffer.from(output, 'utf8');
  for (let i = 0; i < bytes.length; i += chunkSize) {
    reader.feed(bytes.subarray(i, i + chunkSize));
    reader.drain();
  }
  reader.end();
  return files;
}

describe('scan: reading ripgrep output', () => {
  it('groups lines by file and finds IDs with the built-in rule, whatever the chunk boundaries', () => {
    const output = `./a.ts\u00002:  id: "${ID}", sha ${ID}00\n./a.ts\u00005:中${ID2}中 ſ${ID3}\nb/c.md\u000010:x=${ID3}\r\n`;
    for (const size of [1, 3, 64, 4096]) {
      assert.deepEqual(read(output, DEFAULT, size), [
        {
          path: 'a.ts',
          needsExactScan: false,
          occurrences: [
            { id: ID, line: 1, character: 7, length: 32 },
            { id: ID2, line: 4, character: 1, length: 32 },
          ],
        },
        { path: 'b/c.md', needsExactScan: false, occurrences: [{ id: ID3, line: 9, character: 2, length: 32 }] },
      ]);
    }
  });

  it('reads in bounded turns: stopping after any line and going on later reports exactly what one pass reports', () => {
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) lines.push(`dir/f${i % 7}-${Math.floor(i / 3)}.ts\u0000${i + 1}:x ${[ID, ID2, ID3][i % 3]} 中${i % 5 === 0 ? ID2 : ''}`);
    const output = `${lines.join('\n')}\n${'y'.repeat(5000)}${ID}`;
    for (const size of [5, 64, 100_000]) {
      const files: RipgrepFile[] = [];
      const reader = new RipgrepLineReader(DEFAULT, (file) => files.push(file));
      const bytes = Buffer.from(output, 'utf8');
      let stops = 0;
      for (let i = 0; i < bytes.length; i += size) {
        reader.feed(bytes.subarray(i, i + size));
        // A deadline already past: each call reads one line and stops.
        while (!reader.drain(0)) stops += 1;
      }
      reader.end();
      assert.deepEqual(files, read(output, DEFAULT, 4096));
      assert.ok(stops > 0 || size < 64, 'the deadline stopped the reading');
    }
  });

  it('counts columns in UTF-16 code units, as the editor does', () => {
    const [file] = read(`x\u00001:😀é ${ID}\n`);
    assert.equal(file?.occurrences[0]?.character, 4);
  });

  it('sends a file with a lone CR to the built-in scanner (VS Code counts a line there)', () => {
    const files = read(`a\u00001:x\ry\na\u00002:${ID}\nb\u00001:${ID}\n`);
    assert.deepEqual(files, [
      { path: 'a', needsExactScan: true, occurrences: [] },
      { path: 'b', needsExactScan: false, occurrences: [{ id: ID, line: 0, character: 0, length: 32 }] },
    ]);
  });

  it('skips the auth_key hash of a signed URL, like the built-in matcher', () => {
    const [file] = read(`u\u00001:https://cdn/x.png?auth_key=1700000000-0-0-${ID}\n`);
    assert.deepEqual(file?.occurrences, []);
  });

  it('keeps a file name with line feeds in it whole (ripgrep prints names raw), not the part after the last one', () => {
    const output = `./a\nb.ts\u00001:${ID}\n./two\n\nbreaks\u00003:x ${ID2}\nb.ts\u00001:${ID3}\n`;
    for (const size of [1, 5, 4096]) {
      assert.deepEqual(read(output, DEFAULT, size), [
        { path: 'a\nb.ts', needsExactScan: false, occurrences: [{ id: ID, line: 0, character: 0, length: 32 }] },
        { path: 'two\n\nbreaks', needsExactScan: false, occurrences: [{ id: ID2, line: 2, character: 2, length: 32 }] },
        { path: 'b.ts', needsExactScan: false, occurrences: [{ id: ID3, line: 0, character: 0, length: 32 }] },
      ]);
    }
  });

  it('skips a file whose name is not UTF-8: decoded, it would name no file the editor can open', () => {
    const files: RipgrepFile[] = [];
    const reader = new RipgrepLineReader(DEFAULT, (file) => files.push(file));
    const output = Buffer.concat([
      Buffer.from('./bad'), Buffer.from([0xff, 0xfe]), Buffer.from(`.ts\u00001:${ID}\n./bad`), Buffer.from([0xff, 0xfe]), Buffer.from(`.ts\u00002:${ID2}\n`),
      Buffer.from('./also\n'), Buffer.from([0xc3]), Buffer.from(`\u00001:${ID}\n`),
      Buffer.from(`./good.ts\u00001:${ID3}\n`),
    ]);
    for (let i = 0; i < output.length; i += 5) reader.feed(output.subarray(i, i + 5));
    reader.end();
    assert.deepEqual(files, [{ path: 'good.ts', needsExactScan: false, occurrences: [{ id: ID3, line: 0, character: 0, length: 32 }] }]);
  });

  it('uses a custom pattern on each line', () => {
    const [file] = read(`u\u00003:see img-abcdefghij and img-xyz\n`, 'img-[a-z]{10}');
    assert.deepEqual(file?.occurrences, [{ id: 'img-abcdefghij', line: 2, character: 4, length: 14 }]);
  });
});

function findRipgrep(): string | undefined {
  const shipped = path.join(__dirname, '..', 'host', 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (existsSync(shipped)) return shipped;
  return spawnSync('rg', ['--version']).status === 0 ? 'rg' : undefined;
}

type Found = Map<string, readonly TextOccurrence[]>;

describe('scan: scanWithRipgrep against the built-in scanner', function () {
  const rg = findRipgrep();
  let dir: string;

  before(function () {
    if (!rg) this.skip();
    dir = mkdtempSync(path.join(tmpdir(), 'vod-rg-scan-'));
    const write = (file: string, content: string | Buffer): void => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    };
    write('src/app.ts', `const a = '${ID}';\nconst sha = '${ID}abcdef01';\n// 中${ID2}中\n`);
    write('docs/readme.md', `\ufeff${ID3} at line one\r\nsecond ${ID} line\r\n`);
    write('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`héllo ${ID2.toUpperCase()}\n`, 'utf16le')]));
    write('node_modules/pkg/index.js', `${ID}\n`);
    write('.hidden/conf.json', `{"id": "${ID2}"}\n`);
    write('assets/pic.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), Buffer.from(`\n${ID3}\n`)]));
    write('big.log', `${ID}\n${'x'.repeat(3000)}\n`);
    write('min.js', `${`var a="${ID2}";`.repeat(200)}\n`);
    write('mac.txt', `old\rmac ${ID}\n`);
    // A name with a line feed (POSIX allows it) beside a file named like its last part.
    if (process.platform !== 'win32') write('lib/odd\nname.ts', `${ID3}\n`);
    write('lib/name.ts', 'no id here\n');
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function viaRipgrep(rules: Partial<typeof RULES> = {}): Promise<Found> {
    const found: Found = new Map();
    const exact: string[] = [];
    await scanWithRipgrep({ ...RULES, ...rules, rgPath: rg!, cwd: dir, onFile: (f) => (f.needsExactScan ? exact.push(f.path) : found.set(f.path, f.occurrences)) });
    // What the extension does with a lone-CR file: the built-in scanner reads it.
    for (const file of exact) {
      await scanFiles({
        source: { list: async function* () { yield { path: file, size: 0 }; }, read: (p) => nodeFileSource(dir).read(path.join(dir, p)) },
        onFile: (r) => r.status === 'scanned' && found.set(r.path, r.occurrences),
      });
    }
    return withoutEmpty(found);
  }

  async function viaBuiltin(maxFileSize = RULES.maxFileSize, skip = (name: string) => name === 'node_modules'): Promise<Found> {
    const found: Found = new Map();
    await scanFiles({
      source: nodeFileSource(dir, { skipDirectory: skip }),
      maxFileSize,
      onFile: (r) => r.status === 'scanned' && found.set(path.relative(dir, r.path).split(path.sep).join('/'), r.occurrences),
    });
    return withoutEmpty(found);
  }

  it('finds the same IDs at the same positions, honouring an exclude', async () => {
    const ours = await viaRipgrep({ exclude: ['**/node_modules'] });
    assert.deepEqual(sorted(ours), sorted(await viaBuiltin()));
    assert.ok(ours.has('.hidden/conf.json') && ours.has('utf16.txt') && ours.has('mac.txt'));
    assert.ok(!ours.has('assets/pic.png'), 'binary files are skipped');
    assert.ok(!ours.has('node_modules/pkg/index.js'));
    if (process.platform !== 'win32') assert.ok(ours.has('lib/odd\nname.ts') && !ours.has('lib/name.ts'));
  });

  it('honours the size limit and include globs as VS Code reads them', async () => {
    const small = await viaRipgrep({ maxFileSize: 1000, exclude: ['**/node_modules'] });
    assert.deepEqual(sorted(small), sorted(await viaBuiltin(1000)));
    assert.ok(!small.has('big.log') && !small.has('min.js'));
    const docs = await viaRipgrep({ include: ['docs/**'] });
    assert.deepEqual([...docs.keys()], ['docs/readme.md']);
    // `*.ts` in VS Code means the folder's top level only.
    assert.deepEqual([...(await viaRipgrep({ include: ['*.ts'] })).keys()], []);
  });

  it('rescans named folders with the same rules: their direct files at depth 1, anchored globs still anchored', async () => {
    const whole = await viaRipgrep({ exclude: ['**/node_modules'] });
    const inFolders = async (folders: string[], maxDepth: number | undefined, rules: Partial<typeof RULES> = {}): Promise<string[]> => {
      const found: string[] = [];
      await scanWithRipgrep({ ...RULES, ...rules, rgPath: rg!, cwd: dir, folders, maxDepth, onFile: (f) => found.push(f.path) });
      return found.sort();
    };
    const atTopOrInDocs = [...whole.keys()].filter((f) => !f.includes('/') || /^docs\/[^/]+$/.test(f));
    assert.deepEqual(await inFolders(['.', 'docs'], 1), atTopOrInDocs.sort());
    assert.deepEqual(await inFolders(['src'], 1, { exclude: ['src/**'] }), [], 'an anchored exclude still applies under a named folder');
    assert.deepEqual(await inFolders(['src'], 1, { include: ['docs/**'] }), [], 'and so does an anchored include');
    // ripgrep does not test the folders it is given against the globs: excludedFolderTest does (below).
    assert.deepEqual(await inFolders(['node_modules'], undefined), ['node_modules/pkg/index.js']);
  });

  it('a folder rescan (excludedFolderTest, then its files at depth 1) finds what a full scan finds there, for random excludes', async () => {
    const tree = mkdtempSync(path.join(tmpdir(), 'vod-rg-folders-'));
    try {
      const segments = ['a', 'b', 'node_modules', 'dist', 'x.y', 'Temp', 'temp'];
      const folders = ['.'];
      for (const one of segments) {
        folders.push(one);
        for (const two of segments.slice(0, 4)) {
          folders.push(`${one}/${two}`);
          folders.push(`${one}/${two}/${segments[(one.length + two.length) % segments.length]}`);
        }
      }
      for (const folder of folders) {
        mkdirSync(path.join(tree, folder), { recursive: true });
        writeFileSync(path.join(tree, folder, 'f.txt'), `${ID}\n`);
        writeFileSync(path.join(tree, folder, 'g.min.js'), `${ID2}\n`);
      }
      const pool = ['**/node_modules', 'dist/**', 'a/*', '**/x.y', '**/[Tt]emp', 'b/{a,dist}', 'a/b', '**/a/b/**', 'b?', '*.min.js', '**/dist', 'x.y/**/a', 'temp'];
      const random = seededRandom(5);
      const scan = async (exclude: string[], where: { folders?: string[]; maxDepth?: number }): Promise<string[]> => {
        const found: string[] = [];
        await scanWithRipgrep({ ...RULES, exclude, ...where, rgPath: rg!, cwd: tree, onFile: (f) => found.push(f.path) });
        return found;
      };
      for (let round = 0; round < 12; round++) {
        const exclude = pool.filter(() => random() < 0.3);
        const whole = await scan(exclude, {});
        for (const folder of folders) {
          const direct = whole.filter((f) => (folder === '.' ? !f.includes('/') : f.startsWith(`${folder}/`) && !f.slice(folder.length + 1).includes('/')));
          const isExcluded = excludedFolderTest(exclude);
          assert.ok(isExcluded, 'every glob of the pool can be read');
          const excluded = isExcluded(folder);
          const ours = excluded ? [] : await scan(exclude, { folders: [folder], maxDepth: 1 });
          assert.deepEqual(ours.sort(), direct.sort(), `excludes ${JSON.stringify(exclude)}, folder ${folder}`);
        }
      }
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('does not report a file whose name is not UTF-8, as the built-in scanner cannot read it either', async function () {
    const odd = mkdtempSync(path.join(tmpdir(), 'vod-rg-name-'));
    try {
      try {
        writeFileSync(Buffer.concat([Buffer.from(`${odd}/x`), Buffer.from([0xff]), Buffer.from('.ts')]), `${ID}\n`);
      } catch {
        this.skip(); // the file system refuses such names (macOS, Windows)
      }
      writeFileSync(path.join(odd, 'ok.ts'), `${ID2}\n`);
      const found: string[] = [];
      await scanWithRipgrep({ ...RULES, rgPath: rg!, cwd: odd, onFile: (f) => found.push(f.path) });
      const builtin: string[] = [];
      await scanFiles({ source: nodeFileSource(odd), onFile: (r) => r.status === 'scanned' && builtin.push(path.relative(odd, r.path)) });
      assert.deepEqual(found, ['ok.ts']);
      assert.deepEqual(builtin, found);
    } finally {
      rmSync(odd, { recursive: true, force: true });
    }
  });

  it('fails with RipgrepFailed when the binary is missing or refuses a glob, so the caller can fall back', async () => {
    await assert.rejects(scanWithRipgrep({ ...RULES, rgPath: path.join(dir, 'no-such-rg'), cwd: dir, onFile: () => undefined }), RipgrepFailed);
    await assert.rejects(scanWithRipgrep({ ...RULES, exclude: ['a[b'], rgPath: rg!, cwd: dir, onFile: () => undefined }), RipgrepFailed);
    await assert.rejects(scanWithRipgrep({ ...RULES, idPattern: '.{32}', rgPath: rg!, cwd: dir, onFile: () => undefined }), RipgrepFailed);
  });

  it('stops ripgrep and rejects with a cancelled error when aborted', async () => {
    const controller = new AbortController();
    const scan = scanWithRipgrep({ ...RULES, rgPath: rg!, cwd: dir, signal: controller.signal, onFile: () => undefined });
    controller.abort();
    await assert.rejects(scan, (error: unknown) => isVodError(error) && error.kind === 'cancelled');
  });
});

describe('scan: nested workspace folders left to their own scans', function () {
  const rg = findRipgrep();
  let dir: string;
  before(function () {
    if (!rg) this.skip();
    dir = mkdtempSync(path.join(tmpdir(), 'vod-rg-nested-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('pathInside and isInsideAny compare whole segments', () => {
    assert.equal(pathInside('/repo', '/repo/packages/app'), 'packages/app');
    assert.equal(pathInside('/repo/', '/repo/packages/app/'), 'packages/app');
    assert.equal(pathInside('/repo', '/repo'), undefined, 'the same folder is not nested');
    assert.equal(pathInside('/repo', '/repository/app'), undefined, 'a longer name is not inside');
    assert.equal(pathInside('/', '/repo'), 'repo');
    assert.equal(isInsideAny('packages/app/src/a.ts', ['packages/app']), true);
    assert.equal(isInsideAny('./packages/app/src/a.ts', ['packages/app']), true);
    assert.equal(isInsideAny('packages/application/a.ts', ['packages/app']), false);
    assert.equal(isInsideAny('packages/app', ['packages/app']), true);
    assert.equal(isInsideAny('packages/app', ['.']), true, 'the folder . holds everything');
  });

  it('skips nested folders with glob characters, quotes and spaces in their names, and drops what a glob cannot spell', async () => {
    const names = ['a]b', 'c{d,e}', 'f*g', 'h?i', "o'p q", 'deep/er', ...(process.platform === 'win32' ? [] : ['back\\slash'])];
    const kept = ['f*gg', 'fxg', 'cd', 'deep/erx', 'top'];
    for (const name of [...names, ...kept]) {
      mkdirSync(path.join(dir, name, 'sub'), { recursive: true });
      writeFileSync(path.join(dir, name, 'sub', 'f.txt'), `${ID}\n`);
    }
    const plan = ripgrepArgs(RULES, { skip: names });
    assert.ok(plan.ok);
    assert.ok(plan.args.includes('--glob=!/f[*]g/'), 'glob characters are spelled as one-character classes');
    if (process.platform !== 'win32') assert.equal(skipFolderGlob('back\\slash'), undefined, 'a backslash is left to the filter');
    // The globs alone keep ripgrep out of every folder they can spell (it does not even read them).
    const printed = spawnSync(rg!, plan.args, { cwd: dir, encoding: 'utf8' }).stdout;
    for (const name of names.filter((n) => skipFolderGlob(n) !== undefined)) assert.ok(!printed.includes(`${name}/`), `${name} not entered`);
    const found: string[] = [];
    await scanWithRipgrep({ ...RULES, rgPath: rg!, cwd: dir, skip: names, onFile: (f) => found.push(f.path) });
    assert.deepEqual(found.sort(), kept.map((k) => `${k}/sub/f.txt`).sort());
    // Given as folders to read (a rescan), the same holds below them.
    const below: string[] = [];
    await scanWithRipgrep({ ...RULES, rgPath: rg!, cwd: dir, folders: ['.'], skip: names, onFile: (f) => below.push(f.path.replace(/^\.\//, '')) });
    assert.deepEqual(below.sort(), kept.map((k) => `${k}/sub/f.txt`).sort());
  });
});

describe('scan: ripgrep output read in turns, so the event loop stays free', function () {
  const rg = findRipgrep();
  const FILES = 40;
  let dir: string;

  before(function () {
    if (!rg) this.skip();
    dir = mkdtempSync(path.join(tmpdir(), 'vod-rg-turns-'));
    for (let i = 0; i < FILES; i++) writeFileSync(path.join(dir, `f${i}.ts`), `const image${i} = '${ID}';\n`);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Holds the thread longer than one turn may take, as heavy index work per file would. */
  const busy = (): void => {
    const until = performance.now() + READ_SLICE_MS + 1;
    while (performance.now() < until);
  };

  it('lets other work run between files when each file takes longer than a turn', async () => {
    // A ticker that counts event-loop turns: it must advance between any two reported files.
    let turns = 0;
    let ticking = true;
    const tick = (): void => {
      turns += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const seen: number[] = [];
    try {
      await scanWithRipgrep({ ...RULES, rgPath: rg!, cwd: dir, onFile: () => (seen.push(turns), busy()) });
    } finally {
      ticking = false;
    }
    assert.equal(seen.length, FILES);
    const sameTurn = seen.filter((t, i) => i > 0 && t === seen[i - 1]).length;
    assert.equal(sameTurn, 0, `${sameTurn} of ${FILES} files were reported in the same turn as the one before`);
  });

  it('stops reading and rejects as cancelled when aborted between two turns', async () => {
    const controller = new AbortController();
    let reported = 0;
    const scan = scanWithRipgrep({
      ...RULES,
      rgPath: rg!,
      cwd: dir,
      signal: controller.signal,
      onFile: () => {
        reported += 1;
        busy();
        if (reported === 5) setImmediate(() => controller.abort());
      },
    });
    await assert.rejects(scan, (error: unknown) => isVodError(error) && error.kind === 'cancelled');
    assert.ok(reported >= 5 && reported < FILES, `${reported} files reported`);
  });

  it('rejects with the error of a failing onFile, read mid-turn, and reports nothing after it', async () => {
    let reported = 0;
    const failure = new Error('index refused');
    const scan = scanWithRipgrep({
      ...RULES,
      rgPath: rg!,
      cwd: dir,
      onFile: () => {
        reported += 1;
        busy();
        if (reported === 5) throw failure;
      },
    });
    await assert.rejects(scan, (error: unknown) => error === failure);
    assert.equal(reported, 5);
  });
});

function withoutEmpty(found: Found): Found {
  return new Map([...found].filter(([, occurrences]) => occurrences.length > 0));
}

function sorted(found: Found): [string, readonly TextOccurrence[]][] {
  return [...found].sort(([a], [b]) => a.localeCompare(b));
}

describe('scan: very long lines (minified files) searched as bytes', () => {
  /** A long ASCII line holding IDs, hashes that are not IDs, and the hash of a signed URL. */
  function minified(seed: number): string {
    let x = seed;
    const next = (n: number): number => (x = (x * 1103515245 + 12345) % 2147483648) % n;
    const parts: string[] = [];
    let length = 0;
    while (length < 40_000) {
      const kind = next(6);
      const part =
        kind === 0
          ? `"${[ID, ID2, ID3][next(3)]}"`
          : kind === 1
            ? `${ID}${'0'.repeat(next(3))}`
            : kind === 2
              ? `https://cdn.example.com/a.jpg?auth_key=1700000000-0-0-${ID2}`
              : kind === 3
                ? `_${ID3}`
                : `x=m.map(function(v){return v+${next(1000)}});`;
      parts.push(part);
      length += part.length;
    }
    return parts.join(next(2) === 0 ? ',' : ';');
  }

  it('reports exactly what the string matcher reports, at the same columns, whatever the chunk boundaries', () => {
    for (const seed of [1, 2, 3]) {
      const line = minified(seed);
      const expected = read(`a.min.js\u00001:${line.slice(0, 100)}\n`); // short: the string path
      assert.equal(expected[0]?.path, 'a.min.js');
      const viaString = findDefaultPatternIds(line).map((m) => ({ id: m.id, line: 0, character: m.start, length: 32 }));
      assert.ok(viaString.length > 100, 'the fixture holds many IDs');
      for (const size of [4096, 65536]) {
        const [file] = read(`a.min.js\u00001:${line}\n`, DEFAULT, size);
        assert.deepEqual(file?.occurrences, viaString, `seed ${seed}, chunks of ${size}`);
      }
    }
  });

  it('still treats a lone CR on a long line as needing the exact scanner', () => {
    const [file] = read(`a.min.js\u00001:${'x'.repeat(20_000)}\r${ID}\n`, DEFAULT, 4096);
    assert.deepEqual(file, { path: 'a.min.js', occurrences: [], needsExactScan: true });
  });
});
