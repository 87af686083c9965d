/**
 * The write commands of `vodimg` (upload, update, delete, download) run in process against the
 * emulator through `run()`: what reaches stdout and stderr, and the exit codes (0 ok, 1 API or
 * per-file failure, 2 usage, 3 no credentials). The built binary is covered by cli.test.ts.
 */
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/run';
import { encodePng } from '../emulator/png';
import { getUrl } from '../emulator/rawClient';
import { emulatorSuite } from './support/emulatorSuite';

interface Result {
  code: number;
  stdout: string;
  stderr: string[];
}

describe('cli: upload, update, delete, download (in process)', function () {
  this.timeout(60_000);
  const env = emulatorSuite();
  let dir: string;
  let png: string;
  let pngBytes: Buffer;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'vodimg-writes-'));
    pngBytes = encodePng({ width: 320, height: 240, channels: 3, pixels: new Uint8Array(randomBytes(320 * 240 * 3)) }, 1);
    png = path.join(dir, 'launch banner.png');
    writeFileSync(png, pngBytes);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    env.emulator.faults.reset();
    env.emulator.stats.reset();
  });

  async function vodimg(args: string[], creds = env.emulator.credentials as { accessKeyId: string; accessKeySecret: string }): Promise<Result> {
    const stderr: string[] = [];
    let stdout = '';
    const code = await run([...args, '--endpoint', env.emulator.endpoint], {
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: creds.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: creds.accessKeySecret },
      credentialFs: { readFile: async () => Promise.reject(Object.assign(new Error('none'), { code: 'ENOENT' })), homeDir: () => dir },
      stdout: (text) => (stdout += text),
      stderr: (line) => stderr.push(line),
      version: 'test',
    });
    return { code, stdout, stderr };
  }

  const plainImage = (): string => env.emulator.images.find((i) => i.traits.includes('png') && !i.traits.includes('sparse'))!.imageId;

  it('upload --wait prints the new ImageId; the title defaults to the file name', async () => {
    const result = await vodimg(['upload', png, '--tags', 'launch, hero', '--category', '1000001', '--wait']);
    assert.equal(result.code, 0, result.stderr.join('\n'));
    assert.deepEqual(result.stderr, []);
    const id = result.stdout.trim();
    assert.match(id, /^[0-9a-f]{32}$/);
    const info = JSON.parse((await vodimg(['info', id, '--json'])).stdout)[0];
    assert.equal(info.Title, 'launch banner');
    assert.equal(info.Tags, 'launch,hero');
    assert.equal(info.Status, 'Normal');
    assert.equal(info.Mezzanine.OriginalFileName, 'launch banner.png');
  });

  it('upload of several files with --json; a bad file is reported and the others still go (exit 1)', async () => {
    const broken = path.join(dir, 'broken.gif');
    writeFileSync(broken, 'plain text, not a GIF');
    const webp = path.join(dir, 'photo.webp');
    writeFileSync(webp, 'RIFF');
    const result = await vodimg(['upload', png, webp, broken, '--title', 'Batch', '--wait', '--json']);
    assert.equal(result.code, 1);
    const outcomes = JSON.parse(result.stdout) as Array<{ file: string; imageId: string; status: string }>;
    assert.deepEqual(outcomes.map((o) => [path.basename(o.file), o.status]), [['launch banner.png', 'Normal'], ['broken.gif', 'UploadFail']]);
    assert.equal(result.stderr.length, 2);
    assert.match(result.stderr[0]!, /photo\.webp: .*not a png, jpg, jpeg or gif/);
    assert.match(result.stderr[1]!, /broken\.gif: .*UploadFail/);
  });

  it('upload with a read-only key stops at the first file, naming vod:CreateUploadImage', async () => {
    const result = await vodimg(['upload', png, png], env.emulator.readOnlyCredentials);
    assert.equal(result.code, 1);
    assert.equal(result.stderr.length, 1);
    assert.match(result.stderr[0]!, /vod:CreateUploadImage/);
    assert.equal(env.emulator.stats.byAction['CreateUploadImage'], 1);
  });

  it('update changes the named fields; an unknown ID is exit 1', async () => {
    const id = plainImage();
    const result = await vodimg(['update', id, '--title', 'Renamed «x»', '--description', 'New words', '--tags', 'a,b,c']);
    assert.equal(result.code, 0, result.stderr.join('\n'));
    assert.equal(result.stdout, `updated ${id}\n`);
    const info = JSON.parse((await vodimg(['info', id, '--json'])).stdout)[0];
    assert.deepEqual([info.Title, info.Description, info.Tags], ['Renamed «x»', 'New words', 'a,b,c']);
    const missing = await vodimg(['update', env.emulator.missingImageId, '--title', 'x']);
    assert.equal(missing.code, 1);
    assert.deepEqual(missing.stderr, [`vodimg: not found: ${env.emulator.missingImageId}`]);
  });

  for (const [args, pattern] of [
    [['delete', 'abc123'], /cannot be undone; add --yes/],
    [['delete', 'abc123', 'def456', 'abc123'], /2 images for good/],
    [['update', 'abc123'], /at least one of --title/],
    [['update', 'abc123', '--title', 'Party 🎉'], /emoji/],
    [['update', 'abc123', '--tags', ',,'], /at least one tag/],
    [['upload', 'a.png', '--tags', Array.from({ length: 17 }, (_, i) => `t${i}`).join(',')], /more than 16 tags/],
    [['upload', 'a.png', '--category', 'music'], /--category must be a category ID/],
    [['upload'], /at least one image file/],
    [['download', 'a', 'b'], /exactly one/],
    [['download', 'abc', '--yes'], /--yes is not an option of "download"/],
  ] as const) {
    it(`refuses ${JSON.stringify(args)} with exit 2 before any request`, async () => {
      const result = await vodimg([...args]);
      assert.equal(result.code, 2);
      assert.match(result.stderr[0]!, pattern);
      assert.equal(env.emulator.stats.apiRequests, 0);
    });
  }

  it('delete --yes deletes and lists each ID', async () => {
    const ids = env.emulator.images.filter((i) => i.traits.includes('jpeg')).slice(0, 2).map((i) => i.imageId);
    const result = await vodimg(['delete', ...ids, '--yes']);
    assert.equal(result.code, 0, result.stderr.join('\n'));
    assert.equal(result.stdout, ids.map((id) => `deleted ${id}\n`).join(''));
    const after = await vodimg(['info', ...ids]);
    assert.equal(after.code, 1);
  });

  it('download: the display image to --out, the original by default name; never over an existing file', async () => {
    const id = (await vodimg(['upload', png, '--wait'])).stdout.trim();
    const out = path.join(dir, 'copy.png');
    const shown = await vodimg(['download', id, '--out', out]);
    assert.equal(shown.code, 0, shown.stderr.join('\n'));
    assert.equal(shown.stdout, `${out}\n`);
    const url = JSON.parse((await vodimg(['info', id, '--json'])).stdout)[0].URL as string;
    assert.ok(readFileSync(out).equals((await getUrl(url)).body));

    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const original = await vodimg(['download', id, '--original']);
      assert.equal(original.code, 0, original.stderr.join('\n'));
      assert.equal(original.stdout.trim(), path.join(dir, `${id}.png`));
      assert.ok(readFileSync(path.join(dir, `${id}.png`)).equals(pngBytes), 'the original is the uploaded file');
      const again = await vodimg(['download', id, '--original']);
      assert.equal(again.code, 2);
      assert.match(again.stderr[0]!, /already exists; it was not overwritten/);
    } finally {
      process.chdir(cwd);
    }
  });
});
