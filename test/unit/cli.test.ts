/**
 * The built `vodimg` (dist/cli.js) as a user runs it: a child process against the in-process
 * emulator, with credentials in environment variables (or a CLI profile in a temporary HOME).
 * Exit codes, stdout, stderr — and that nothing secret reaches stderr, even with --verbose.
 */
import { strict as assert } from 'node:assert';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { startEmulator, type RunningEmulator } from '../emulator';
import { imageIdFor } from '../emulator/fixtures';
import { encodePng } from '../emulator/png';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

describe('cli: vodimg (built) against the emulator', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let home: string;

  before(async function () {
    this.timeout(180_000);
    await promisify(execFile)(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
    emulator = await startEmulator({ port: 0 });
    home = mkdtempSync(path.join(tmpdir(), 'vodimg-home-'));
  });
  after(async () => {
    await emulator?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });
  beforeEach(() => {
    emulator.faults.reset();
    emulator.stats.reset();
  });

  /** Runs the CLI with a clean environment: no proxy variables, a HOME without ~/.aliyun. */
  function vodimg(args: string[], env: Record<string, string> = {}, onSpawn?: (child: ReturnType<typeof spawn>) => void): Promise<Result> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env['PATH'] ?? '', HOME: home, ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started }));
      onSpawn?.(child);
    });
  }

  const ak = (): Record<string, string> => ({
    ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.credentials.accessKeySecret,
  });
  const sts = (): Record<string, string> => ({
    ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.stsCredentials.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.stsCredentials.accessKeySecret,
    ALIBABA_CLOUD_SECURITY_TOKEN: emulator.stsCredentials.securityToken,
  });
  const at = (): string[] => ['--endpoint', emulator.endpoint];
  function imageWith(trait: string): string {
    const found = emulator.images.find((image) => image.traits.includes(trait));
    assert.ok(found, `no fixture with trait ${trait}`);
    return found.imageId;
  }

  /** A failure is exactly one line: no stack trace, no extra noise. */
  function assertOneLine(stderr: string): string {
    const lines = stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, `expected one stderr line, got:\n${stderr}`);
    assert.doesNotMatch(stderr, /^\s+at /m);
    return lines[0]!;
  }

  describe('usage (exit 2), help and version', () => {
    it('--help and -h print the usage, exit 0', async () => {
      for (const flag of ['--help', '-h']) {
        const result = await vodimg([flag]);
        assert.equal(result.code, 0);
        assert.match(result.stdout, /vodimg info <ImageId\.\.\.>/);
        assert.match(result.stdout, /--signature v3\|v1/);
        assert.match(result.stdout, /vodimg upload <file\.\.\.>/);
        assert.match(result.stdout, /vodimg delete <ImageId\.\.\.> --yes/);
      }
    });

    it('--version prints the package version', async () => {
      const result = await vodimg(['--version']);
      assert.equal(result.code, 0);
      assert.equal(result.stdout.trim(), VERSION);
    });

    for (const [args, pattern] of [
      [[], /No command/],
      [['frobnicate'], /Unknown command/],
      [['info'], /at least one image, video or audio ID/],
      [['info', 'not,an-id'], /not an image ID/],
      [['url', 'a', 'b'], /exactly one/],
      [['info', 'abc', '--bogus'], /bogus/],
      [['url', 'abc', '--json'], /--json is not an option of "url"/],
      [['search', '--page-size', '101'], /at most 100/],
      [['delete', 'abc'], /cannot be undone; add --yes/],
      [['search', '--page', '0'], /--page/],
      [['url', 'abc', '--expires', '0'], /--expires/],
      [['url', 'abc', '--output-type', 'oss', '--expires', '31d'], /--expires/],
      [['url', 'abc', '--output-type', 'oss', '--expires', '2592001'], /at most 30 days/],
      [['info', 'abc', '--output-type', 'oss', '--auth-timeout', '2592001'], /at most 30 days/],
      [['info', 'abc', '--output-type', 'ftp'], /cdn or oss/],
      [['info', 'abc', '--signature', 'v2'], /v3 or v1/],
      [['info', 'abc', '--timeout', 'soon'], /--timeout/],
    ] as const) {
      it(`refuses ${JSON.stringify(args)} before any request`, async () => {
        const result = await vodimg([...args, ...at()], ak());
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, pattern);
        assert.equal(emulator.stats.apiRequests, 0);
      });
    }

    it('refuses a plain-http remote endpoint (exit 2) even without credentials', async () => {
      const result = await vodimg(['info', 'abc', '--endpoint', 'http://vod.example.com']);
      assert.equal(result.code, 2);
      assert.match(assertOneLine(result.stderr), /https/);
    });

    it('refuses an unknown region (exit 2)', async () => {
      const result = await vodimg(['info', 'abc', '--region', 'mars-north-1'], ak());
      assert.equal(result.code, 2);
      assert.match(result.stderr, /cn-shanghai/);
    });
  });

  describe('credentials (exit 3)', () => {
    it('none found: a sentence on how to provide them', async () => {
      const result = await vodimg(['info', imageWith('png'), ...at()]);
      assert.equal(result.code, 3);
      assert.match(assertOneLine(result.stderr), /ALIBABA_CLOUD_ACCESS_KEY_ID.*aliyun configure/);
      assert.equal(emulator.stats.apiRequests, 0);
    });

    it('half-set environment (ID without secret) names the missing variable', async () => {
      const result = await vodimg(['info', imageWith('png'), ...at()], { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIonly' });
      assert.equal(result.code, 3);
      assert.match(result.stderr, /ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
    });

    it('--profile reads ~/.aliyun/config.json; an unknown profile is exit 3', async () => {
      const profileHome = mkdtempSync(path.join(tmpdir(), 'vodimg-profile-'));
      try {
        mkdirSync(path.join(profileHome, '.aliyun'));
        writeFileSync(
          path.join(profileHome, '.aliyun', 'config.json'),
          JSON.stringify({
            current: 'default',
            profiles: [
              { name: 'default', mode: 'AK', access_key_id: 'LTAIwrong', access_key_secret: 'wrong-secret-x', region_id: 'cn-hangzhou' },
              { name: 'emu', mode: 'AK', access_key_id: emulator.credentials.accessKeyId, access_key_secret: emulator.credentials.accessKeySecret, region_id: 'cn-beijing' },
            ],
          }),
        );
        const ok = await vodimg(['info', imageWith('png'), '--profile', 'emu', ...at()], { HOME: profileHome });
        assert.equal(ok.code, 0, ok.stderr);
        const missing = await vodimg(['info', imageWith('png'), '--profile', 'nope', ...at()], { HOME: profileHome });
        assert.equal(missing.code, 3);
        assert.match(missing.stderr, /nope/);
      } finally {
        rmSync(profileHome, { recursive: true, force: true });
      }
    });
  });

  describe('info', () => {
    it('--json prints the ImageInfo array as returned (unknown fields kept)', async () => {
      const ids = [imageWith('png'), imageWith('gif'), imageWith('jpeg')];
      const result = await vodimg(['info', ...ids, '--json', ...at()], ak());
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, '');
      const images = JSON.parse(result.stdout) as Record<string, unknown>[];
      assert.deepEqual(images.map((i) => i['ImageId']), ids);
      assert.ok(images.every((i) => typeof i['URL'] === 'string' && typeof i['CreationTime'] === 'string'));
    });

    it('--json keeps values exactly as the API sent them (numbers in strings stay strings)', async () => {
      const asStrings = imageIdFor('numbers-as-strings');
      const asNumber = imageIdFor('size-as-number');
      const result = await vodimg(['info', asStrings, asNumber, '--json', ...at()], ak());
      assert.equal(result.code, 0, result.stderr);
      const [strings, numbers] = JSON.parse(result.stdout) as { Mezzanine: { FileSize: unknown; Width: unknown } }[];
      assert.equal(typeof strings?.Mezzanine.FileSize, 'string');
      assert.equal(typeof strings?.Mezzanine.Width, 'string');
      assert.equal(typeof numbers?.Mezzanine.FileSize, 'number');
    });

    it('missing IDs: found ones on stdout, each missing one on stderr, exit 1', async () => {
      const found = imageWith('png');
      const result = await vodimg(['info', found, emulator.missingImageId, '--json', ...at()], ak());
      assert.equal(result.code, 1);
      assert.deepEqual((JSON.parse(result.stdout) as { ImageId: string }[]).map((i) => i.ImageId), [found]);
      assert.equal(result.stderr.trim(), `vodimg: not found: ${emulator.missingImageId}`);
    });

    it('many IDs go out as GetImageInfos batches of ≤ 20', async () => {
      const ids = emulator.images.slice(0, 41).map((i) => i.imageId);
      const result = await vodimg(['info', ...ids, '--json', ...at()], ak());
      assert.equal(result.code, 0, result.stderr);
      assert.equal((JSON.parse(result.stdout) as unknown[]).length, 41);
      assert.equal(emulator.stats.byAction['GetImageInfos'], 3);
    });

    it('human output: aligned key: value blocks, signed query hidden, hostile text inert', async () => {
      const plain = imageWith('png');
      const bidi = imageWith('bidi');
      const result = await vodimg(['info', plain, bidi, ...at()], ak());
      assert.equal(result.code, 0, result.stderr);
      const blocks = result.stdout.trimEnd().split('\n\n');
      assert.equal(blocks.length, 2);
      const lines = blocks[0]!.split('\n');
      assert.match(lines[0]!, /^Type: +image$/);
      assert.match(lines[1]!, new RegExp(`^ImageId: +${plain}$`));
      const valueColumns = new Set(lines.map((l) => /^\S+: +/.exec(l)?.[0].length));
      assert.equal(valueColumns.size, 1, 'values aligned in one column');
      assert.match(result.stdout, /URL: +http:\/\/127\.0\.0\.1:\d+\/\S+\?<redacted> \(expires in/);
      assert.doesNotMatch(result.stdout, /auth_key=/);
      assert.doesNotMatch(result.stdout, /[\u202a-\u202e\u2066-\u2069\u001b]/);
      assert.match(result.stdout, /\\u202e/);
    });

    it('--signature v1 and STS credentials work too', async () => {
      const result = await vodimg(['info', imageWith('png'), '--signature', 'v1', '--json', ...at()], sts());
      assert.equal(result.code, 0, result.stderr);
    });
  });

  describe('audio and video', () => {
    const videoWith = (...traits: string[]): string => {
      const found = emulator.videos.find((v) => traits.every((t) => v.traits.includes(t)));
      assert.ok(found, traits.join(','));
      return found.videoId;
    };
    const imagesOnly = (): Record<string, string> => ({
      ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.imagesOnlyCredentials.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.imagesOnlyCredentials.accessKeySecret,
    });

    it('info: images and videos in the order asked, each --json object with a MediaType; one video call', async () => {
      const image = imageWith('png');
      const video = videoWith('video', 'plain');
      emulator.stats.reset();
      const result = await vodimg(['info', video, image, emulator.missingImageId, '--json', ...at()], ak());
      assert.equal(result.code, 1);
      const out = JSON.parse(result.stdout) as { MediaType: string; VideoId?: string; ImageId?: string; Duration?: unknown }[];
      assert.deepEqual(out.map((o) => [o.MediaType, o.VideoId ?? o.ImageId]), [['video', video], ['image', image]]);
      assert.equal(typeof out[0]!.Duration, 'number');
      assert.equal(result.stderr.trim(), `vodimg: not found: ${emulator.missingImageId}`);
      assert.equal(emulator.stats.byAction['GetImageInfos'], 1);
      assert.equal(emulator.stats.byAction['GetVideoInfos'], 1);
    });

    it('info: human output has a Type line and a h:mm:ss duration; hostile titles stay inert', async () => {
      const result = await vodimg(['info', videoWith('long'), videoWith('hostile', 'unicode'), ...at()], ak());
      assert.equal(result.code, 0, result.stderr);
      const [first] = result.stdout.split('\n\n');
      assert.match(first!, /^Type: +video$/m);
      assert.match(first!, /^Duration: +3:25:07$/m);
      assert.doesNotMatch(result.stdout, /[\u202a-\u202e]/);
      assert.doesNotMatch(result.stdout, /auth_key=/);
    });

    it('info with a key refused GetVideoInfos: images still printed, one line says why, exit 1', async () => {
      const image = imageWith('png');
      const video = videoWith('video', 'plain');
      const result = await vodimg(['info', image, video, '--json', ...at()], imagesOnly());
      assert.equal(result.code, 1);
      assert.equal((JSON.parse(result.stdout) as unknown[]).length, 1);
      assert.match(result.stderr, /could not check for audio\/video: .*vod:GetVideoInfos/);
      assert.ok(!result.stderr.includes(emulator.imagesOnlyCredentials.accessKeySecret));
    });

    it('play-url prints only the best stream URL, or --definition\'s, valid for --expires', async () => {
      const before = Math.floor(Date.now() / 1000);
      const best = await vodimg(['play-url', videoWith('video', 'plain'), '--expires', '2h', ...at()], ak());
      assert.equal(best.code, 0, best.stderr);
      assert.deepEqual(best.stdout.split('\n').slice(1), ['']);
      const url = new URL(best.stdout.trim());
      assert.match(url.pathname, /\/FHD\.m3u8$/);
      const timestamp = Number(url.searchParams.get('auth_key')?.split('-')[0]);
      assert.ok(Math.abs(timestamp - (before + 7200)) < 60);
      const sd = await vodimg(['play-url', videoWith('video', 'plain'), '--definition', 'SD', ...at()], ak());
      assert.match(sd.stdout, /\/SD\.mp4\?auth_key=/);
    });

    it('play-url errors: not playable (exit 1, one line), bad --definition (exit 2), refused key names vod:GetPlayInfo', async () => {
      const failed = await vodimg(['play-url', videoWith('transcodeFail'), ...at()], ak());
      assert.equal(failed.code, 1);
      assert.match(assertOneLine(failed.stderr), /Forbidden\.IllegalStatus/);
      const bad = await vodimg(['play-url', videoWith('video', 'plain'), '--definition', '<x>', ...at()], ak());
      assert.equal(bad.code, 2);
      const refused = await vodimg(['play-url', videoWith('video', 'plain'), ...at()], imagesOnly());
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /vod:GetPlayInfo/);
    });
  });

  describe('url', () => {
    it('prints only the signed URL, valid for --expires, and it downloads', async () => {
      const before = Math.floor(Date.now() / 1000);
      const result = await vodimg(['url', imageWith('png'), '--expires', '2h', ...at()], ak());
      assert.equal(result.code, 0, result.stderr);
      const lines = result.stdout.split('\n');
      assert.deepEqual(lines.slice(1), ['']);
      const url = new URL(lines[0]!);
      const timestamp = Number(url.searchParams.get('auth_key')?.split('-')[0]);
      assert.ok(Math.abs(timestamp - (before + 7200)) < 60, `auth_key timestamp ${timestamp}`);
      const response = await fetch(url);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/png');
    });

    it('--output-type oss gives an OSS-signed URL', async () => {
      const result = await vodimg(['url', imageWith('png'), '--output-type', 'oss', '--expires', '600', ...at()], ak());
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /[?&]Expires=\d+/);
    });

    it('an unknown image: exit 1, one line with Code and RequestId', async () => {
      const result = await vodimg(['url', emulator.missingImageId, ...at()], ak());
      assert.equal(result.code, 1);
      assert.match(assertOneLine(result.stderr), /^vodimg: .+ · Code: NoSuchResource · RequestId: \S+$/);
      assert.equal(result.stdout, '');
    });
  });

  describe('search', () => {
    it('--json prints the media list', async () => {
      const result = await vodimg(['search', '--page-size', '7', '--json', ...at()], ak());
      assert.equal(result.code, 0, result.stderr);
      const media = JSON.parse(result.stdout) as { MediaType: string; Image: { ImageId: string } }[];
      assert.equal(media.length, 7);
      assert.ok(media.every((m) => m.MediaType === 'image' && typeof m.Image.ImageId === 'string'));
    });

    it('human output with a header and one block per image; --match filters', async () => {
      const result = await vodimg(['search', '--match', "Title = 'leather'", '--page-size', '5', ...at()], ak());
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^Images 1–\d+ of \d+ \(page 1, 5 per page\)/);
      assert.match(result.stdout, /Title: +Brown leather bag/);
    });

    it('a bad Match expression is an API error: exit 1 with the Code', async () => {
      const result = await vodimg(['search', '--match', "Title = 'open", ...at()], ak());
      assert.equal(result.code, 1);
      assert.match(assertOneLine(result.stderr), /Code: ErrorMatchSyntax/);
    });
  });

  describe('errors and faults', () => {
    it('a wrong secret: exit 1, one line with Code and RequestId, secret nowhere', async () => {
      const secret = 'Definitely-Wrong-Secret-123';
      const result = await vodimg(['info', imageWith('png'), '--verbose', ...at()], { ...ak(), ALIBABA_CLOUD_ACCESS_KEY_SECRET: secret });
      assert.equal(result.code, 1);
      const last = result.stderr.trimEnd().split('\n').at(-1)!;
      assert.match(last, /secret does not match.*Code: SignatureDoesNotMatch · RequestId: \S+/);
      assert.ok(!result.stderr.includes(secret) && !result.stdout.includes(secret));
      assert.equal(emulator.stats.apiRequests, 1);
    });

    it('--verbose logs each request (action, ID count, status, RequestId, latency) and no secret', async () => {
      emulator.faults.set({ throttle: 1, retryAfterMs: 20 });
      const creds = sts();
      const ids = emulator.images.slice(0, 25).map((i) => i.imageId);
      const result = await vodimg(['info', ...ids, '--verbose', '--json', ...at()], creds);
      assert.equal(result.code, 0, result.stderr);
      const lines = result.stderr.trimEnd().split('\n');
      assert.match(lines[0]!, /endpoint http:\/\/127\.0\.0\.1:\d+, signature v3, credentials from environment/);
      const requests = lines.slice(1);
      assert.equal(requests.length, 3, result.stderr);
      assert.ok(requests.some((l) => /^vodimg: GetImageInfos ids=(20|5) status=400 code=Throttling\.User requestId=\S+ \d+ ms retry$/.test(l)), result.stderr);
      assert.ok(requests.filter((l) => / ok$/.test(l)).length === 2);
      for (const secret of [creds['ALIBABA_CLOUD_ACCESS_KEY_SECRET']!, creds['ALIBABA_CLOUD_SECURITY_TOKEN']!, 'auth_key', 'Signature=', 'Expires=']) {
        assert.ok(!result.stderr.includes(secret), `stderr leaks ${secret.slice(0, 8)}…`);
      }
    });

    it('latency: still succeeds', async () => {
      emulator.faults.set({ latencyMs: 300 });
      const result = await vodimg(['info', imageWith('png'), ...at()], ak());
      assert.equal(result.code, 0, result.stderr);
      assert.ok(result.ms >= 300);
    });

    it('throttling, 5xx and resets are retried transparently (exit 0)', async () => {
      emulator.faults.set({ throttle: 1, retryAfterMs: 50, serverError: 1, reset: 1 });
      const result = await vodimg(['info', imageWith('png'), '--json', ...at()], ak());
      assert.equal(result.code, 0, result.stderr);
      assert.equal(emulator.stats.apiRequests, 4);
    });

    it('persistent throttling: exit 1 with the Code', async () => {
      emulator.faults.set({ throttle: 10, retryAfterMs: 10 });
      const result = await vodimg(['info', imageWith('png'), ...at()], ak());
      assert.equal(result.code, 1);
      assert.match(assertOneLine(result.stderr), /Code: Throttling\.User/);
    });

    it('malformed JSON: exit 1, one line', async () => {
      emulator.faults.set({ malformedJson: 1 });
      const result = await vodimg(['info', imageWith('png'), ...at()], ak());
      assert.equal(result.code, 1);
      assert.match(assertOneLine(result.stderr), /not valid JSON/);
    });

    it('an oversized body: exit 1, TooLarge', async () => {
      emulator.faults.set({ oversizedBytes: 12 * 1024 * 1024 });
      const result = await vodimg(['info', imageWith('png'), ...at()], ak());
      assert.equal(result.code, 1);
      assert.match(assertOneLine(result.stderr), /8 MiB limit.*Code: TooLarge/);
    });

    it('a hang ends at --timeout: exit 1, promptly', async () => {
      emulator.faults.set({ hang: 3 });
      const result = await vodimg(['info', imageWith('png'), '--timeout', '0.5', ...at()], ak());
      assert.equal(result.code, 1);
      assert.match(assertOneLine(result.stderr), /in time/);
      assert.ok(result.ms < 5000, `${Math.round(result.ms)} ms`);
    });

    it('a clock 3 hours off: corrected from the Date header (exit 0)', async () => {
      emulator.faults.set({ clockOffsetMs: 3 * 3_600_000 });
      const result = await vodimg(['info', imageWith('png'), '--verbose', ...at()], ak());
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, /code=InvalidTimeStamp\.Expired .* skew/);
    });

    it('Ctrl-C during a hung request: cancelled, exit 130', async () => {
      emulator.faults.set({ hang: 1 });
      const result = await vodimg(['info', imageWith('png'), ...at()], ak(), (child) => {
        const poll = setInterval(() => {
          if (emulator.stats.apiRequests > 0) {
            clearInterval(poll);
            child.kill('SIGINT');
          }
        }, 20);
      });
      assert.equal(result.code, 130);
      assert.match(assertOneLine(result.stderr), /cancelled/);
    });

    it('an unreachable endpoint: exit 1, names the host', async () => {
      const result = await vodimg(['info', imageWith('png'), '--endpoint', 'http://127.0.0.1:1'], ak());
      assert.equal(result.code, 1);
      assert.match(assertOneLine(result.stderr), /127\.0\.0\.1:1.*refused/);
    });
  });
  describe('upload and download (the bundled transport streams both ways)', () => {
    it('upload --wait, then download --original: the same bytes, with --verbose naming no secret', async () => {
      const png = path.join(home, 'built-cli-upload.png');
      const bytes = encodePng({ width: 64, height: 48, channels: 3, pixels: new Uint8Array(64 * 48 * 3).fill(7) });
      writeFileSync(png, bytes);
      const uploaded = await vodimg(['upload', png, '--wait', '--verbose', ...at()], sts());
      assert.equal(uploaded.code, 0, uploaded.stderr);
      const id = uploaded.stdout.trim();
      assert.match(id, /^[0-9a-f]{32}$/);
      assert.match(uploaded.stderr, /PutObject status=200/);
      assert.ok(!uploaded.stderr.includes(emulator.stsCredentials.securityToken) && !uploaded.stderr.includes(emulator.stsCredentials.accessKeySecret));
      const out = path.join(home, 'built-cli-download.png');
      const downloaded = await vodimg(['download', id, '--original', '--out', out, ...at()], ak());
      assert.equal(downloaded.code, 0, downloaded.stderr);
      assert.ok(readFileSync(out).equals(bytes));
      const again = await vodimg(['download', id, '--out', out, ...at()], ak());
      assert.equal(again.code, 2);
      assert.match(assertOneLine(again.stderr), /already exists/);
    });
  });
});
