/**
 * VodClient + the real undici transport against the in-process emulator, which verifies signatures
 * with the official SDK functions and injects the faults real networks and gateways produce.
 */
import { strict as assert } from 'node:assert';
import { VodClient, type VodClientOptions } from '../../src/vod/client';
import type { Credentials } from '../../src/vod/credentials';
import { rejection } from './support/rejection';
import type { RequestLogEntry } from '../../src/vod/log';
import { createUndiciTransport, type Transport } from '../../src/vod/transport';
import { startEmulator, type RunningEmulator } from '../emulator';
import { callApi } from '../emulator/rawClient';
import { needsAuditCheck } from '../../src/ui/intel/auditStatus';

describe('client against the emulator', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let transport: Transport;

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    transport = createUndiciTransport({ env: {} });
  });
  after(async () => {
    await transport.close();
    await emulator.close();
  });
  beforeEach(() => {
    emulator.faults.reset();
    emulator.stats.reset();
  });

  function client(options: Partial<VodClientOptions> & { creds?: Credentials } = {}): VodClient {
    const creds = options.creds ?? emulator.credentials;
    const made = new VodClient({
      endpoint: new URL(emulator.endpoint),
      credentials: async () => creds,
      transport,
      retry: { baseDelayMs: 10 },
      ...options,
    });
    return made;
  }

  function imageWith(trait: string): string {
    const found = emulator.images.find((image) => image.traits.includes(trait));
    assert.ok(found, `no fixture with trait ${trait}`);
    return found.imageId;
  }

  describe('operations', () => {
    for (const signatureVersion of ['v3', 'v1'] as const) {
      it(`GetImageInfo signed with ${signatureVersion}`, async () => {
        const id = imageWith('png');
        const info = await client({ signatureVersion }).getImageInfo(id, { authTimeout: 600 });
        assert.equal(info.ImageId, id);
        assert.match(info.URL ?? '', /auth_key=/);
      });
    }

    it('STS credentials work; an expired token is an auth error', async () => {
      const id = imageWith('png');
      assert.equal((await client({ creds: emulator.stsCredentials }).getImageInfo(id)).ImageId, id);
      const error = await rejection(
        client({ creds: { ...emulator.stsCredentials, securityToken: emulator.expiredSecurityToken } }).getImageInfo(id),
      );
      assert.equal(error.kind, 'auth');
      assert.match(error.code ?? '', /^InvalidSecurityToken\./);
      assert.ok(!error.message.includes(emulator.expiredSecurityToken));
    });

    it('auth failures: unknown key, wrong secret, no RAM permission — each once, never retried', async () => {
      const id = imageWith('png');
      const cases: [Credentials, string][] = [
        [{ accessKeyId: 'LTAIunknownKey', accessKeySecret: 'whatever-secret' }, 'InvalidAccessKeyId.NotFound'],
        [{ ...emulator.credentials, accessKeySecret: 'wrong-secret-value' }, 'SignatureDoesNotMatch'],
        [emulator.forbiddenCredentials, 'Forbidden.RAM'],
      ];
      for (const [creds, code] of cases) {
        emulator.stats.reset();
        const error = await rejection(client({ creds }).getImageInfo(id));
        assert.equal(error.kind, 'auth', code);
        assert.equal(error.code, code);
        assert.ok(error.requestId, 'RequestId kept');
        assert.equal(emulator.stats.apiRequests, 1, `${code} was not retried`);
        assert.ok(!error.message.includes(creds.accessKeySecret));
      }
    });

    it('an unknown image is notFound (NoSuchResource), not retried', async () => {
      const error = await rejection(client().getImageInfo(emulator.missingImageId));
      assert.equal(error.kind, 'notFound');
      assert.equal(error.code, 'NoSuchResource');
      assert.equal(error.httpStatus, 404);
      assert.equal(emulator.stats.apiRequests, 1);
    });

    it('GetImageInfos: 45 IDs plus a missing one in ⌈46/20⌉ = 3 calls, order kept', async () => {
      const ids = emulator.images.slice(0, 45).map((image) => image.imageId);
      const asked = [...ids.slice(0, 10), emulator.missingImageId, ...ids.slice(10)];
      const result = await client().getImageInfos(asked);
      assert.deepEqual(result.images.map((i) => i.ImageId), ids);
      assert.deepEqual(result.missing, [emulator.missingImageId]);
      assert.equal(emulator.stats.byAction['GetImageInfos'], 3);
      assert.equal(result.requestIds.length, 3);
    });

    it('SearchMedia: images only, paging, and a Match syntax error as invalidInput', async () => {
      const page = await client().searchImages({ pageNo: 2, pageSize: 5, sortBy: 'CreationTime:Asc' });
      assert.equal(page.images.length, 5);
      assert.ok(page.total > 50);
      assert.ok(page.mediaList.every((m) => m.MediaType === 'image'));
      const error = await rejection(client().searchImages({ match: "Title = 'unterminated" }));
      assert.equal(error.kind, 'invalidInput');
      assert.equal(error.code, 'ErrorMatchSyntax');
    });

    it('GetCategories from the root', async () => {
      const result = await client().getCategories();
      assert.ok(result.subCategories.length >= 4);
      assert.ok(result.subCategories.every((c) => typeof c.CateId === 'number' && typeof c.SubTotal === 'number'));
      assert.equal(result.category?.CateId, -1);
    });

    it('GetCategories: an unknown CateId is a missing category, not a bad request', async () => {
      const error = await rejection(client().getCategories({ cateId: 42 }));
      assert.equal(error.code, 'InvalidCateId.NotFound');
      assert.equal(error.kind, 'notFound');
      assert.match(error.message, /category does not exist/);
    });
  });

  describe('URL validity', () => {
    it('refuses AuthTimeout over 2,592,000 s for OutputType=oss before any request, with a clear message', async () => {
      const before = emulator.stats.apiRequests;
      for (const call of [
        () => client().getImageInfo(imageWith('plain'), { outputType: 'oss', authTimeout: 2_592_001 }),
        () => client().getImageInfos([imageWith('plain')], { outputType: 'oss', authTimeout: 2_592_001 }),
      ]) {
        const error = await rejection(call());
        assert.equal(error.kind, 'invalidInput');
        assert.equal(error.httpStatus, undefined, 'refused locally, not by the server');
        assert.match(error.message, /at most 30 days \(2592000 s\)/);
      }
      assert.equal(emulator.stats.apiRequests, before, 'no request was sent');
      const ok = await client().getImageInfo(imageWith('plain'), { outputType: 'oss', authTimeout: 2_592_000 });
      assert.match(ok.URL ?? '', /Expires=/);
    });
  });

  describe('audit status from batches', () => {
    it('keeps AuditStatus/RegionId a batch returns, so only records without them need the single GetImageInfo', async () => {
      const curated = emulator.images.filter((i) => !i.traits.includes('bulk'));
      const result = await client().getImageInfos(curated.map((i) => i.imageId));
      const needing = result.images.filter((info) => needsAuditCheck({ state: 'found', info, fetchedAt: 0 })).map((i) => i.ImageId);
      const expected = curated
        .filter((i) => !i.traits.includes('batchAudit') && i.status !== 'UploadFail')
        .map((i) => i.imageId);
      assert.deepEqual(needing.sort(), expected.sort());
      const batchBlocked = curated.find((i) => i.traits.includes('batchAudit') && i.auditStatus === 'Normal');
      assert.equal(result.images.find((i) => i.ImageId === batchBlocked?.imageId)?.AuditStatus, 'Normal');
    });
  });

  describe('an endpoint that is not VOD 2017-03-21', () => {
    it('an unknown action (InvalidAction.NotFound, 404) is a configuration error naming the endpoint setting, not a missing image', async () => {
      // What the emulator answers for an action it does not serve, replayed to the client as the
      // answer to its own request (a renamed action could not be re-signed from outside the client).
      const answer = await callApi(emulator.endpoint, 'GetImageInfoX', { ImageId: imageWith('plain') }, { credentials: emulator.credentials });
      assert.equal(answer.status, 404);
      const replay: Transport = { ...transport, request: async () => ({ status: answer.status, headers: answer.headers, body: answer.body }), close: async () => {} };
      const error = await rejection(client({ transport: replay, retry: { maxRetries: 0 } }).getImageInfo(imageWith('plain')));
      assert.equal(error.code, 'InvalidAction.NotFound');
      assert.equal(error.kind, 'configuration');
      assert.match(error.message, /does not serve the ApsaraVideo VOD API \(version 2017-03-21\)/);
      assert.match(error.message, /vodImages\.endpoint/);
    });
  });

  describe('faults', () => {
    it('throttling: obeys x-acs-retry-after, then succeeds', async () => {
      emulator.faults.set({ throttle: 2, retryAfterMs: 120 });
      const logs: RequestLogEntry[] = [];
      const started = performance.now();
      await client({ log: (e) => logs.push(e) }).getImageInfo(imageWith('png')).catch((error: unknown) => {
        assert.fail(`${String(error)}; attempts: ${JSON.stringify(logs)}`);
      });
      assert.ok(performance.now() - started >= 230, 'waited 2 × 120 ms');
      assert.equal(emulator.stats.apiRequests, 3);
      assert.deepEqual(logs.map((l) => [l.outcome, l.code]), [['retry', 'Throttling.User'], ['retry', 'Throttling.User'], ['ok', undefined]]);
    });

    it('throttling that outlasts 3 retries is a throttled error', async () => {
      emulator.faults.set({ throttle: 10, retryAfterMs: 10 });
      const error = await rejection(client().getImageInfo(imageWith('png')));
      assert.equal(error.kind, 'throttled');
      assert.equal(emulator.stats.apiRequests, 4);
    });

    it('5xx and connection resets are retried', async () => {
      emulator.faults.set({ serverError: 2, reset: 1 });
      const logs: RequestLogEntry[] = [];
      await client({ log: (e) => logs.push(e) }).getImageInfo(imageWith('png')).catch((error: unknown) => {
        assert.fail(`${String(error)}; attempts: ${JSON.stringify(logs)}`);
      });
      assert.equal(emulator.stats.apiRequests, 4);
    });

    it('malformed JSON is an invalidResponse error, not retried', async () => {
      emulator.faults.set({ malformedJson: 1 });
      const error = await rejection(client().getImageInfo(imageWith('png')));
      assert.equal(error.kind, 'invalidResponse');
      assert.equal(emulator.stats.apiRequests, 1);
    });

    it('an oversized body is cut off at the cap', async () => {
      emulator.faults.set({ oversizedBytes: 9 * 1024 * 1024 });
      const error = await rejection(client().getImageInfo(imageWith('png')));
      assert.equal(error.code, 'TooLarge');
    });

    it('a hung request ends at the timeout, without retries', async () => {
      emulator.faults.set({ hang: 5 });
      const started = performance.now();
      const error = await rejection(client({ timeoutMs: 300 }).getImageInfo(imageWith('png')));
      assert.equal(error.kind, 'timeout');
      assert.ok(performance.now() - started < 3000);
      assert.equal(emulator.stats.apiRequests, 1);
    });

    it('cancellation aborts a hung request', async () => {
      emulator.faults.set({ hang: 1 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const error = await rejection(client().getImageInfo(imageWith('png'), { signal: controller.signal }));
      assert.equal(error.kind, 'cancelled');
    });

    for (const [offsetMs, signatureVersion] of [[2 * 3_600_000, 'v3'], [-45 * 60_000, 'v3'], [-3_600_000, 'v1']] as const) {
      it(`clock offset ${offsetMs / 60_000} min (${signatureVersion}): learns it once, later calls succeed first time`, async () => {
        emulator.faults.set({ clockOffsetMs: offsetMs });
        const logs: RequestLogEntry[] = [];
        const logged = client({ signatureVersion, log: (e) => logs.push(e) });
        await logged.getImageInfo(imageWith('png'));
        assert.deepEqual(logs.map((l) => l.outcome), ['skew', 'ok']);
        assert.ok(Math.abs(logged.clockOffsetMs - offsetMs) < 2000, `learnt ${logged.clockOffsetMs}`);
        emulator.stats.reset();
        await logged.getImageInfos(emulator.images.slice(0, 30).map((i) => i.imageId));
        assert.equal(emulator.stats.apiRequests, 2, 'no more rejected timestamps');
      });
    }

    it('latency is paid once per batch round, not per ID', async () => {
      emulator.faults.set({ latencyMs: 300 });
      const ids = emulator.images.slice(0, 80).map((i) => i.imageId); // 4 batches
      const timed = async (maxConcurrency: number) => {
        const started = performance.now();
        const result = await client({ maxConcurrency }).getImageInfos(ids);
        assert.equal(result.images.length, 80);
        return performance.now() - started;
      };
      // Measured side by side rather than against a fixed budget: 4 batches in flight must beat
      // 4 batches in sequence by far more than machine noise (one round against four).
      const sequential = await timed(1);
      const parallel = await timed(4);
      assert.ok(parallel < sequential / 2, `${Math.round(parallel)} ms in parallel vs ${Math.round(sequential)} ms in sequence`);
    });
  });

  describe('image bytes through the same transport', () => {
    it('downloads a signed image URL (PNG magic, content type)', async () => {
      const info = await client().getImageInfo(imageWith('png'));
      const { contentType, bytes } = await transport.fetchBytes(info.URL!, { maxBytes: 2 * 1024 * 1024 });
      assert.equal(contentType, 'image/png');
      assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    });

    it('the large fixture exceeds a 1 MiB cap with TooLarge', async () => {
      const info = await client().getImageInfo(imageWith('large'));
      const error = await rejection(transport.fetchBytes(info.URL!, { maxBytes: 1024 * 1024 }));
      assert.equal(error.code, 'TooLarge');
      assert.match(error.message, /1 MiB/);
    });

    it('a tampered signature is refused (403 → auth)', async () => {
      const info = await client().getImageInfo(imageWith('png'));
      const tampered = info.URL!.replace(/auth_key=(\d+)/, (_m, t: string) => `auth_key=${Number(t) + 1}`);
      const error = await rejection(transport.fetchBytes(tampered));
      assert.equal(error.kind, 'auth');
      assert.equal(error.httpStatus, 403);
    });
  });
});
