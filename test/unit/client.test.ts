/**
 * VodClient against a scripted fake transport: the exact retry, backoff, clock-skew, batching and
 * error logic, with time, randomness and nonces injected.
 */
import { strict as assert } from 'node:assert';
import OpenApiUtil from '@alicloud/openapi-util';
import { VodClient, type VodClientOptions } from '../../src/vod/client';
import { SkewCorrectedClock } from '../../src/vod/clock';
import { VodError } from '../../src/vod/errors';
import { rejection } from './support/rejection';
import type { RequestLogEntry } from '../../src/vod/log';
import type { Transport, TransportRequest, TransportResponse } from '../../src/vod/transport';

const ID_A = 'a'.repeat(32);
const ID_B = 'b'.repeat(32);
const SECRET = 'SeCrEt-0123456789';
const TOKEN = 'STS-TOKEN-abcdefghijklmnop';

type Step = TransportResponse | Error | ((request: TransportRequest) => Promise<TransportResponse> | TransportResponse);

class FakeTransport implements Transport {
  readonly requests: TransportRequest[] = [];
  private readonly steps: Step[];
  constructor(steps: Step[] = [], private readonly fallback?: Step) {
    this.steps = [...steps];
  }
  async request(request: TransportRequest): Promise<TransportResponse> {
    this.requests.push(request);
    const step = this.steps.shift() ?? this.fallback;
    if (step === undefined) throw new Error('fake transport: no scripted answer left');
    if (step instanceof Error) throw step;
    return typeof step === 'function' ? step(request) : step;
  }
  async fetchBytes(): Promise<never> {
    throw new Error('unused');
  }
  async putStream(): Promise<never> {
    throw new Error('unused');
  }
  async openDownload(): Promise<never> {
    throw new Error('unused');
  }
  async close(): Promise<void> {}
  /** The V3 action and query parameters of request `i`. */
  call(i: number): { action: string | undefined; params: Record<string, string>; headers: Record<string, string> } {
    const request = this.requests[i]!;
    const url = new URL(request.url);
    return { action: request.headers['x-acs-action'], params: Object.fromEntries(url.searchParams), headers: { ...request.headers } };
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): TransportResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: Buffer.from(JSON.stringify(body)) };
}

function apiError(status: number, code: string, headers: Record<string, string> = {}, message = 'msg'): TransportResponse {
  return json(status, { RequestId: requestIdFor(code), HostId: 'h', Code: code, Message: message }, headers);
}

/** RequestIds are UUID-like: letters, digits, `_` and `-` only. */
function requestIdFor(code: string): string {
  return `req-${code.replace(/\W/g, '-')}`;
}

function imageInfo(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ImageId: id, Title: `t-${id.slice(0, 4)}`, URL: `https://cdn.example.com/${id}.png?auth_key=1-0-0-abc`, ...extra };
}

function sysError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

interface Harness {
  client: VodClient;
  transport: FakeTransport;
  sleeps: number[];
  logs: RequestLogEntry[];
  clock: SkewCorrectedClock;
  setWall(ms: number): void;
}

const T0 = Date.parse('2026-11-29T08:00:00Z');

function harness(steps: Step[], options: Partial<VodClientOptions> = {}, fallback?: Step): Harness {
  const transport = new FakeTransport(steps, fallback);
  const sleeps: number[] = [];
  const logs: RequestLogEntry[] = [];
  let wall = T0;
  let nonce = 0;
  const clock = new SkewCorrectedClock(() => wall);
  const client = new VodClient({
    endpoint: new URL('https://vod.cn-shanghai.aliyuncs.com/'),
    credentials: async () => ({ accessKeyId: 'LTAIfake', accessKeySecret: SECRET }),
    transport,
    clock,
    requestsPerSecond: Infinity,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new VodError('cancelled', 'cancelled');
      sleeps.push(ms);
    },
    random: () => 0,
    nonce: () => `nonce-${++nonce}`,
    wallNow: () => wall,
    log: (entry) => logs.push(entry),
    ...options,
  });
  return { client, transport, sleeps, logs, clock, setWall: (ms) => (wall = ms) };
}

describe('client: requests', () => {
  it('GetImageInfo: a V3-signed POST that verifies with the official SDK, parameters in the query', async () => {
    const h = harness([json(200, { RequestId: 'r1', ImageInfo: imageInfo(ID_A) })]);
    await h.client.getImageInfo(ID_A, { authTimeout: 600, outputType: 'oss' });
    const request = h.transport.requests[0]!;
    assert.equal(request.method, 'POST');
    const { action, params, headers } = h.transport.call(0);
    assert.equal(action, 'GetImageInfo');
    assert.deepEqual(params, { ImageId: ID_A, AuthTimeout: '600', OutputType: 'oss' });
    assert.equal(headers['x-acs-version'], '2017-03-21');
    assert.equal(headers['x-acs-date'], '2026-11-29T08:00:00Z');
    assert.equal(headers['x-acs-signature-nonce'], 'nonce-1');

    const { authorization: _authorization, ...signedHeaders } = headers;
    const expected = OpenApiUtil.getAuthorization(
      { method: 'POST', pathname: '/', query: params, headers: signedHeaders } as never,
      'ACS3-HMAC-SHA256',
      headers['x-acs-content-sha256']!,
      'LTAIfake',
      SECRET,
    );
    assert.equal(headers['authorization'] ?? headers['Authorization'], expected);
  });

  it('V1 on request: form body with Action and an SDK-verifiable signature', async () => {
    const h = harness([json(200, { RequestId: 'r1', ImageInfo: imageInfo(ID_A) })], { signatureVersion: 'v1' });
    await h.client.getImageInfo(ID_A);
    const body = Object.fromEntries(new URLSearchParams(h.transport.requests[0]!.body ?? ''));
    assert.equal(body['Action'], 'GetImageInfo');
    assert.equal(body['ImageId'], ID_A);
    const { Signature, ...rest } = body;
    assert.equal(Signature, OpenApiUtil.getRPCSignature(rest, 'POST', SECRET));
  });

  it('returns the validated ImageInfo: unknown fields kept, numeric strings coerced', async () => {
    const h = harness([
      json(200, { RequestId: 'r1', ImageInfo: imageInfo(ID_A, { Mezzanine: { FileSize: '8932', Width: 10 }, Brand: 'new' }) }),
    ]);
    const info = await h.client.getImageInfo(ID_A);
    assert.equal(info.Mezzanine?.FileSize, 8932);
    assert.equal((info as Record<string, unknown>)['Brand'], 'new');
  });

  it('asks the credentials provider before every attempt (a refreshed STS token applies to the retry)', async () => {
    let n = 0;
    const h = harness([apiError(503, 'ServiceUnAvailable'), json(200, { ImageInfo: imageInfo(ID_A) })], {
      credentials: async () => ({ accessKeyId: `LTAI${++n}`, accessKeySecret: SECRET, securityToken: `${TOKEN}${n}` }),
    });
    await h.client.getImageInfo(ID_A);
    assert.equal(h.transport.call(0).headers['x-acs-security-token'], `${TOKEN}1`);
    assert.equal(h.transport.call(1).headers['x-acs-security-token'], `${TOKEN}2`);
  });

  it('refuses malformed input before any request', async () => {
    const h = harness([]);
    for (const bad of ['', 'a,b', 'x'.repeat(65), 'id with space', '../etc']) {
      assert.equal((await rejection(h.client.getImageInfo(bad))).kind, 'invalidInput', bad);
    }
    assert.equal((await rejection(h.client.getImageInfos([ID_A, 'a,b']))).kind, 'invalidInput');
    assert.equal((await rejection(h.client.getImageInfo(ID_A, { authTimeout: 0 }))).kind, 'invalidInput');
    assert.equal((await rejection(h.client.searchImages({ pageSize: 101 }))).kind, 'invalidInput');
    assert.equal((await rejection(h.client.searchImages({ pageNo: 0 }))).kind, 'invalidInput');
    assert.equal((await rejection(h.client.getCategories({ pageSize: 1.5 }))).kind, 'invalidInput');
    assert.equal(h.transport.requests.length, 0);
  });

  it('refuses a plain-http endpoint that is not this machine', () => {
    const credentials = async () => ({ accessKeyId: 'a', accessKeySecret: 'b' });
    assert.throws(() => new VodClient({ endpoint: new URL('http://vod.cn-shanghai.aliyuncs.com/'), credentials }), /https/);
    assert.throws(() => new VodClient({ endpoint: new URL('ftp://127.0.0.1/'), credentials }), /https/);
    assert.ok(new VodClient({ endpoint: new URL('http://127.0.0.1:8080/'), credentials }));
    assert.ok(new VodClient({ endpoint: new URL('http://[::1]:8080/'), credentials }));
  });

  it('a credentials provider failure becomes noCredentials without its text', async () => {
    const h = harness([], { credentials: async () => { throw new Error(`cannot parse /home/u/.aliyun/config.json near "${SECRET}"`); } });
    const error = await rejection(h.client.getImageInfo(ID_A));
    assert.equal(error.kind, 'noCredentials');
    assert.doesNotMatch(error.message, new RegExp(SECRET));
  });
});

describe('client: retries', () => {
  it('obeys x-acs-retry-after on throttling, then succeeds', async () => {
    const throttle = apiError(400, 'Throttling.User', { 'x-acs-retry-after': '250' });
    const h = harness([throttle, throttle, json(200, { RequestId: 'ok', ImageInfo: imageInfo(ID_A) })]);
    await h.client.getImageInfo(ID_A);
    assert.equal(h.transport.requests.length, 3);
    assert.deepEqual(h.sleeps, [250, 250]);
    assert.deepEqual(h.logs.map((l) => l.outcome), ['retry', 'retry', 'ok']);
    assert.deepEqual(h.logs.map((l) => l.attempt), [1, 2, 3]);
  });

  it('backs off exponentially on 5xx and gives up after 3 retries with the last error', async () => {
    const h = harness([], {}, apiError(503, 'ServiceUnAvailable'));
    const error = await rejection(h.client.getImageInfo(ID_A));
    assert.equal(error.kind, 'server');
    assert.equal(error.code, 'ServiceUnAvailable');
    assert.equal(h.transport.requests.length, 4);
    assert.deepEqual(h.sleeps, [100, 200, 400], 'random() = 0 → half of 200·2^n');
    assert.deepEqual(h.logs.map((l) => l.outcome), ['retry', 'retry', 'retry', 'error']);
  });

  it('uses the jitter source', async () => {
    const h = harness([apiError(500, 'InternalError'), json(200, { ImageInfo: imageInfo(ID_A) })], { random: () => 1 });
    await h.client.getImageInfo(ID_A);
    assert.deepEqual(h.sleeps, [200]);
  });

  it('retries a connection reset but not a refused connection', async () => {
    const reset = harness([sysError('ECONNRESET'), json(200, { ImageInfo: imageInfo(ID_A) })]);
    await reset.client.getImageInfo(ID_A);
    assert.equal(reset.transport.requests.length, 2);

    const refused = harness([sysError('ECONNREFUSED')]);
    assert.equal((await rejection(refused.client.getImageInfo(ID_A))).kind, 'network');
    assert.equal(refused.transport.requests.length, 1);
  });

  for (const [code, status, kind] of [
    ['SignatureDoesNotMatch', 400, 'auth'],
    ['InvalidAccessKeyId.NotFound', 404, 'auth'],
    ['Forbidden.RAM', 403, 'auth'],
    ['NoSuchResource', 404, 'notFound'],
    ['InvalidParameter', 400, 'invalidInput'],
  ] as const) {
    it(`never retries ${code}`, async () => {
      const h = harness([apiError(status, code)], {}, json(200, { ImageInfo: imageInfo(ID_A) }));
      const error = await rejection(h.client.getImageInfo(ID_A));
      assert.equal(error.kind, kind);
      assert.equal(error.code, code);
      assert.equal(error.requestId, requestIdFor(code));
      assert.equal(h.transport.requests.length, 1);
    });
  }

  it('drops a malformed RequestId from a successful answer and from its log entry', async () => {
    const forged = 'x\u001b[2J\nERROR forged';
    const h = harness([json(200, { RequestId: forged, ImageInfo: imageInfo(ID_A) }, { 'x-acs-request-id': 'also bad' })]);
    await h.client.getImageInfo(ID_A);
    assert.equal(h.logs[0]?.requestId, undefined);
    const failed = harness([json(200, { RequestId: forged, Code: 'Forbidden\nx', Message: 'm' })]);
    const error = await rejection(failed.client.getImageInfo(ID_A));
    assert.equal(error.requestId, undefined);
    assert.equal(error.code, undefined);
    assert.equal(failed.logs[0]?.code, undefined);
  });

  it('re-signs every retry with a fresh nonce', async () => {
    const h = harness([apiError(503, 'ServiceUnAvailable'), apiError(503, 'ServiceUnAvailable'), json(200, { ImageInfo: imageInfo(ID_A) })]);
    await h.client.getImageInfo(ID_A);
    const nonces = h.transport.requests.map((r) => r.headers['x-acs-signature-nonce']);
    assert.deepEqual(nonces, ['nonce-1', 'nonce-2', 'nonce-3']);
  });

  it('stops retrying when cancelled during the backoff', async () => {
    const controller = new AbortController();
    const h = harness([], {
      sleep: async () => {
        controller.abort();
        throw new VodError('cancelled', 'The request was cancelled.');
      },
    }, apiError(503, 'ServiceUnAvailable'));
    const error = await rejection(h.client.getImageInfo(ID_A, { signal: controller.signal }));
    assert.equal(error.kind, 'cancelled');
    assert.equal(h.transport.requests.length, 1);
  });

  it('gives up at once when the server asks for a longer wait than the policy allows', async () => {
    const h = harness([apiError(400, 'Throttling.User', { 'x-acs-retry-after': '60000' })]);
    const error = await rejection(h.client.getImageInfo(ID_A));
    assert.equal(error.kind, 'throttled');
    assert.equal(error.retryAfterMs, 60000);
    assert.equal(h.transport.requests.length, 1);
  });
});

describe('client: clock skew', () => {
  const HOUR = 3_600_000;
  const expired = (serverMs: number): TransportResponse =>
    apiError(400, 'InvalidTimeStamp.Expired', { date: new Date(serverMs).toUTCString() }, 'Specified time stamp or date value is expired.');

  it('learns the offset from Date, re-signs with the server time, and keeps it for later calls', async () => {
    const h = harness([expired(T0 + HOUR), json(200, { ImageInfo: imageInfo(ID_A) }), json(200, { ImageInfo: imageInfo(ID_A) })]);
    await h.client.getImageInfo(ID_A);
    assert.equal(h.transport.call(0).headers['x-acs-date'], '2026-11-29T08:00:00Z');
    assert.equal(h.transport.call(1).headers['x-acs-date'], '2026-11-29T09:00:00Z');
    assert.ok(Math.abs(h.client.clockOffsetMs - HOUR) <= 1000);
    assert.deepEqual(h.sleeps, [], 'no backoff for a skew correction');
    assert.deepEqual(h.logs.map((l) => l.outcome), ['skew', 'ok']);

    h.setWall(T0 + 5 * 60_000);
    await h.client.getImageInfo(ID_A);
    assert.equal(h.transport.call(2).headers['x-acs-date'], '2026-11-29T09:05:00Z');
    assert.equal(h.transport.requests.length, 3, 'the second call did not fail first');
  });

  it('works for a clock running ahead, too', async () => {
    const h = harness([expired(T0 - 2 * HOUR), json(200, { ImageInfo: imageInfo(ID_A) })]);
    await h.client.getImageInfo(ID_A);
    assert.equal(h.transport.call(1).headers['x-acs-date'], '2026-11-29T06:00:00Z');
  });

  it('corrects only once per call; a second rejection is an auth error with a clock sentence', async () => {
    const h = harness([expired(T0 + HOUR), expired(T0 + 3 * HOUR)]);
    const error = await rejection(h.client.getImageInfo(ID_A));
    assert.equal(error.kind, 'auth');
    assert.equal(error.code, 'InvalidTimeStamp.Expired');
    assert.match(error.message, /clock/);
    assert.equal(h.transport.requests.length, 2);
  });

  it('without a usable Date header there is nothing to learn: no blind retry', async () => {
    const h = harness([apiError(400, 'InvalidTimeStamp.Expired', { date: 'yesterday-ish' })]);
    assert.equal((await rejection(h.client.getImageInfo(ID_A))).code, 'InvalidTimeStamp.Expired');
    assert.equal(h.transport.requests.length, 1);
  });
});

describe('client: answers that are not what they should be', () => {
  it('malformed JSON → invalidResponse, not retried', async () => {
    const h = harness([{ status: 200, headers: { 'x-acs-request-id': 'R9' }, body: Buffer.from('{"RequestId":"R9","ImageInfo":{') }]);
    const error = await rejection(h.client.getImageInfo(ID_A));
    assert.equal(error.kind, 'invalidResponse');
    assert.equal(error.code, 'MalformedJson');
    assert.equal(error.requestId, 'R9');
    assert.equal(h.transport.requests.length, 1);
  });

  it('a wrong type → invalidResponse naming the field', async () => {
    const h = harness([json(200, { RequestId: 'R', ImageInfo: { ImageId: 42, Title: { no: 1 } } })]);
    const error = await rejection(h.client.getImageInfo(ID_A));
    assert.equal(error.kind, 'invalidResponse');
    assert.equal(error.code, 'UnexpectedShape');
    assert.match(error.message, /ImageInfo\.(ImageId|Title)/);
  });

  it('a 200 carrying an error Code is an error', async () => {
    const h = harness([json(200, { RequestId: 'R', Code: 'Forbidden.RAM', Message: 'no' })]);
    assert.equal((await rejection(h.client.getImageInfo(ID_A))).kind, 'auth');
  });

  it('an error from the transport (e.g. TooLarge) passes through unchanged', async () => {
    const tooLarge = new VodError('invalidResponse', 'too large', { code: 'TooLarge' });
    const h = harness([tooLarge]);
    assert.equal(await rejection(h.client.getImageInfo(ID_A)), tooLarge);
  });

  it('no secret, token or signed query in error messages or log entries', async () => {
    const echo = `Specified signature is not matched with our calculation. server string to sign is:POST&%2F&SecurityToken%3D${TOKEN}`;
    const leaky = `Unknown failure for key ${SECRET} and token ${TOKEN} at https://x.example.com/a?Signature=SIG`;
    const h = harness([apiError(400, 'SignatureDoesNotMatch', {}, echo), apiError(400, 'OddNewCode', {}, leaky)], {
      credentials: async () => ({ accessKeyId: 'LTAIfake', accessKeySecret: SECRET, securityToken: TOKEN }),
    });
    const e1 = await rejection(h.client.getImageInfo(ID_A));
    const e2 = await rejection(h.client.getImageInfo(ID_A));
    const everything = [e1.message, e1.toLine(), e2.message, e2.toLine(), JSON.stringify(h.logs)].join('\n');
    for (const secret of [SECRET, TOKEN, 'Signature=SIG']) assert.ok(!everything.includes(secret), secret);
    assert.match(e2.message, /Unknown failure for key <redacted> and token <redacted>/);
  });
});

describe('client: GetImageInfos batching', () => {
  const ids = Array.from({ length: 45 }, (_, i) => i.toString(16).padStart(32, '0'));

  function batchAnswer(missingEvery = 0) {
    return (request: TransportRequest): TransportResponse => {
      const asked = (new URL(request.url).searchParams.get('ImageIds') ?? '').split(',');
      const missing = missingEvery ? asked.filter((_, i) => i % missingEvery === 0) : [];
      const found = asked.filter((id) => !missing.includes(id)).reverse(); // out of order on purpose
      return json(200, { RequestId: `R-${asked[0]}`, ImageInfo: found.map((id) => imageInfo(id)), NonExistImageIds: missing });
    };
  }

  it('splits into calls of ≤ 20 IDs and merges in the asked order', async () => {
    const h = harness([], {}, batchAnswer());
    const result = await h.client.getImageInfos(ids);
    const sizes = h.transport.requests.map((r) => (new URL(r.url).searchParams.get('ImageIds') ?? '').split(',').length);
    assert.deepEqual(sizes, [20, 20, 5]);
    assert.deepEqual(result.images.map((i) => i.ImageId), ids);
    assert.deepEqual(result.missing, []);
    assert.equal(result.requestIds.length, 3);
    assert.deepEqual(h.logs.map((l) => l.idCount ?? 0).sort((a, b) => b - a), [20, 20, 5]);
  });

  it('reports NonExistImageIds and IDs that came back in no list', async () => {
    const h = harness([
      json(200, { RequestId: 'R', ImageInfo: [imageInfo(ID_A)], NonExistImageIds: [ID_B] }),
    ]);
    const third = 'c'.repeat(32);
    const result = await h.client.getImageInfos([ID_B, ID_A, third]);
    assert.deepEqual(result.images.map((i) => i.ImageId), [ID_A]);
    assert.deepEqual(result.missing, [ID_B, third]);
  });

  it('accepts the wrapped list form too', async () => {
    const h = harness([json(200, { ImageInfo: { Image: [imageInfo(ID_A)] }, NonExistImageIds: { ImageId: [ID_B] } })]);
    const result = await h.client.getImageInfos([ID_A, ID_B]);
    assert.deepEqual(result.images.map((i) => i.ImageId), [ID_A]);
    assert.deepEqual(result.missing, [ID_B]);
  });

  it('de-duplicates IDs and sends nothing for an empty list', async () => {
    const h = harness([], {}, batchAnswer());
    assert.deepEqual(await h.client.getImageInfos([]), { images: [], missing: [], requestIds: [] });
    assert.equal(h.transport.requests.length, 0);
    const result = await h.client.getImageInfos([ID_A, ID_A, ID_B, ID_A]);
    assert.equal(new URL(h.transport.requests[0]!.url).searchParams.get('ImageIds'), `${ID_A},${ID_B}`);
    assert.equal(result.images.length, 2);
  });

  it('keeps at most maxConcurrency batches in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const answer = batchAnswer();
    const slow = async (request: TransportRequest): Promise<TransportResponse> => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return answer(request);
    };
    const many = Array.from({ length: 200 }, (_, i) => i.toString(16).padStart(32, 'f'));
    const h = harness([], { maxConcurrency: 3 }, slow);
    const result = await h.client.getImageInfos(many);
    assert.equal(h.transport.requests.length, 10);
    assert.equal(peak, 3);
    assert.equal(result.images.length, 200);
  });

  it('passes AuthTimeout and OutputType to every batch', async () => {
    const h = harness([], {}, batchAnswer());
    await h.client.getImageInfos(ids, { authTimeout: 90, outputType: 'cdn' });
    for (let i = 0; i < 3; i++) {
      const { params } = h.transport.call(i);
      assert.equal(params['AuthTimeout'], '90');
      assert.equal(params['OutputType'], 'cdn');
    }
  });

  it('one failing batch fails the call and cancels the batches still running', async () => {
    const signals: AbortSignal[] = [];
    let call = 0;
    const step = async (request: TransportRequest): Promise<TransportResponse> => {
      const n = call++;
      if (n === 0) return apiError(403, 'Forbidden.RAM');
      signals.push(request.signal!);
      await new Promise((r) => setTimeout(r, 20));
      return batchAnswer()(request);
    };
    const h = harness([], { maxConcurrency: 2 }, step);
    const error = await rejection(h.client.getImageInfos(ids));
    assert.equal(error.code, 'Forbidden.RAM');
    assert.ok(signals.length >= 1 && signals.every((s) => s.aborted));
    assert.ok(h.transport.requests.length < 3, 'the third batch was never sent');
  });
});

describe('client: search and categories', () => {
  it('SearchMedia with SearchType=image and the query', async () => {
    const h = harness([
      json(200, {
        RequestId: 'S1',
        Total: '57',
        MediaList: [
          { MediaId: ID_A, MediaType: 'image', Image: imageInfo(ID_A) },
          { MediaId: 'v1', MediaType: 'video', Video: {} },
        ],
      }),
    ]);
    const result = await h.client.searchImages({ match: "Title = 'cat'", pageNo: 2, pageSize: 50, sortBy: 'CreationTime:Asc' });
    const { action, params } = h.transport.call(0);
    assert.equal(action, 'SearchMedia');
    assert.deepEqual(params, {
      SearchType: 'image',
      Fields: 'ImageId,Title,Tags,Description,CateId,CateName,Status,CreationTime,ModificationTime,URL,StorageLocation,AppId',
      Match: "Title = 'cat'",
      PageNo: '2',
      PageSize: '50',
      SortBy: 'CreationTime:Asc',
    });
    assert.equal(result.total, 57);
    assert.deepEqual(result.images.map((i) => i.ImageId), [ID_A]);
    assert.equal(result.mediaList.length, 2);
    assert.equal(result.requestId, 'S1');
  });

  it('defaults: page 1, 10 per page, no Match', async () => {
    const h = harness([json(200, { RequestId: 'S', MediaList: [] })]);
    const result = await h.client.searchImages();
    const { Fields, ...rest } = h.transport.call(0).params;
    assert.ok(Fields?.includes('Title'));
    assert.deepEqual(rest, { SearchType: 'image', PageNo: '1', PageSize: '10' });
    assert.equal(result.total, 0);
  });

  it('takes the ID from MediaId when the Image lacks it, and the time from the item', async () => {
    const h = harness([
      json(200, {
        RequestId: 'S2',
        Total: 3,
        MediaList: [
          { MediaId: ID_A, MediaType: 'image', CreationTime: '2024-01-02T03:04:05Z' },
          { MediaId: ID_B, MediaType: 'image', CreationTime: '2024-01-01T00:00:00Z', Image: { Title: 'Only a title' } },
          { MediaId: 'b9c3f0c1d2e3a4b5c6d7e8f9a0b1c2d3', MediaType: 'video', CreationTime: '2024-01-01T00:00:00Z' },
        ],
      }),
    ]);
    const result = await h.client.searchImages();
    assert.deepEqual(
      result.images.map((i) => [i.ImageId, i.Title, i.CreationTime]),
      [
        [ID_A, undefined, '2024-01-02T03:04:05Z'],
        [ID_B, 'Only a title', '2024-01-01T00:00:00Z'],
      ],
    );
  });

  it('GetCategories from the root, wrapped sub-categories', async () => {
    const h = harness([
      json(200, {
        RequestId: 'C',
        SubTotal: 2,
        Category: { CateId: -1, Level: -1 },
        SubCategories: { Category: [{ CateId: 1, CateName: 'a', Level: 0, ParentId: -1 }, { CateId: '2', CateName: 'b' }] },
      }),
    ]);
    const result = await h.client.getCategories();
    assert.deepEqual(h.transport.call(0).params, { CateId: '-1', PageNo: '1', PageSize: '10' });
    assert.equal(h.transport.call(0).action, 'GetCategories');
    assert.deepEqual(result.subCategories.map((c) => c.CateId), [1, 2]);
    assert.equal(result.total, 2);
    assert.equal(result.category?.CateId, -1);
  });
});

describe('client: pacing', () => {
  it('spaces requests to requestsPerSecond across calls', async () => {
    let now = 0;
    const h = harness([], { requestsPerSecond: 2, monotonicNow: () => now }, json(200, { ImageInfo: imageInfo(ID_A) }));
    for (let i = 0; i < 4; i++) await h.client.getImageInfo(ID_A);
    assert.deepEqual(h.sleeps, [500, 1000]);
    now += 10_000;
    await h.client.getImageInfo(ID_A);
    assert.equal(h.sleeps.length, 2);
  });
});
