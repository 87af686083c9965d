/**
 * Fault injection, programmatic and through the loopback control API, and close() with requests
 * still hanging.
 */
import assert from 'node:assert/strict';
import { type RunningEmulator, startEmulator } from '../emulator';
import { callApi, getUrl, type RawResponse } from '../emulator/rawClient';
import { FORBIDDEN_CREDENTIALS, STS_CREDENTIALS } from '../emulator/credentials';

let emulator: RunningEmulator;

before(async () => {
  emulator = await startEmulator({ port: 0 });
});
after(() => emulator.close());
afterEach(() => {
  emulator.faults.reset();
  emulator.stats.reset();
});

function plainId(): string {
  const image = emulator.images.find((i) => i.traits.includes('plain'));
  assert.ok(image);
  return image.imageId;
}

function getInfo(timeoutMs?: number): Promise<RawResponse> {
  return callApi(emulator.endpoint, 'GetImageInfo', { ImageId: plainId() }, { credentials: emulator.credentials, ...(timeoutMs ? { timeoutMs } : {}) });
}

function control(path: string, body?: unknown): Promise<RawResponse> {
  return getUrl(`${emulator.endpoint}/__emulator/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
}

describe('emulator faults', () => {
  it('latencyMs delays every API answer', async () => {
    emulator.faults.set({ latencyMs: 150 });
    const started = Date.now();
    assert.equal((await getInfo()).status, 200);
    assert.ok(Date.now() - started >= 145, `${Date.now() - started} ms`);
  });

  it('throttle answers Throttling.User (400) with x-acs-retry-after for the next N requests only', async () => {
    emulator.faults.set({ throttle: 2, retryAfterMs: 250 });
    for (let i = 0; i < 2; i++) {
      const response = await getInfo();
      assert.equal(response.status, 400);
      assert.equal(response.json()['Code'], 'Throttling.User');
      assert.equal(response.headers['x-acs-retry-after'], '250');
    }
    assert.equal((await getInfo()).status, 200);
    assert.equal(emulator.stats.apiRequests, 3);
    assert.equal(emulator.stats.byAction['GetImageInfo'], 3);
  });

  it('serverError answers 503 ServiceUnAvailable with a JSON error body', async () => {
    emulator.faults.set({ serverError: 1 });
    const response = await getInfo();
    assert.equal(response.status, 503);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    assert.equal(response.json()['Code'], 'ServiceUnAvailable');
    assert.equal((await getInfo()).status, 200);
  });

  it('reset drops the connection so the client sees ECONNRESET', async () => {
    emulator.faults.set({ reset: 1 });
    await assert.rejects(getInfo(), (error: NodeJS.ErrnoException) => error.code === 'ECONNRESET');
    assert.equal((await getInfo()).status, 200);
  });

  it('malformedJson answers 200 with a body that is not JSON', async () => {
    emulator.faults.set({ malformedJson: 1 });
    const response = await getInfo();
    assert.equal(response.status, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    assert.throws(() => response.json(), SyntaxError);
  });

  it('oversizedBytes streams one valid-looking JSON body of exactly that size, without Content-Length', async () => {
    emulator.faults.set({ oversizedBytes: 3_000_000 });
    const response = await getInfo();
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-length'], undefined);
    assert.equal(response.body.length, 3_000_000);
    assert.equal((response.json()['ImageInfo'] as Record<string, unknown>)['ImageId'], 'oversized');
    assert.ok((await getInfo()).body.length < 10_000);
  });

  it('clockOffsetMs moves the Date header', async () => {
    emulator.faults.set({ clockOffsetMs: -3_600_000 });
    const response = await getUrl(`${emulator.endpoint}/nowhere`);
    const skew = Date.parse(String(response.headers['date'])) - Date.now();
    assert.ok(Math.abs(skew + 3_600_000) < 3000, String(skew));
  });

  it('imageLatencyMs delays image bytes but not API answers', async () => {
    const info = (await getInfo()).json()['ImageInfo'] as Record<string, string>;
    emulator.faults.set({ imageLatencyMs: 200 });
    let started = Date.now();
    await getInfo();
    assert.ok(Date.now() - started < 150);
    started = Date.now();
    assert.equal((await getUrl(info['URL'] ?? '')).status, 200);
    assert.ok(Date.now() - started >= 195);
  });

  it('applies one counted fault per request, in order: reset, throttle, serverError, malformedJson', async () => {
    emulator.faults.set({ throttle: 1, serverError: 1, malformedJson: 1, reset: 1 });
    await assert.rejects(getInfo(), (error: NodeJS.ErrnoException) => error.code === 'ECONNRESET');
    assert.equal((await getInfo()).json()['Code'], 'Throttling.User');
    assert.equal((await getInfo()).json()['Code'], 'ServiceUnAvailable');
    const third = await getInfo();
    assert.throws(() => third.json(), SyntaxError);
    assert.equal((await getInfo()).status, 200);
  });

  it('set() merges into the current plan; reset() clears it', async () => {
    emulator.faults.set({ latencyMs: 100 });
    emulator.faults.set({ serverError: 1 });
    let started = Date.now();
    assert.equal((await getInfo()).status, 503);
    assert.ok(Date.now() - started >= 95);
    emulator.faults.reset();
    started = Date.now();
    assert.equal((await getInfo()).status, 200);
    assert.ok(Date.now() - started < 95);
  });
});

describe('emulator control API', () => {
  it('POST /__emulator/faults injects faults for another process', async () => {
    const set = await control('faults', { throttle: 1, retryAfterMs: 42, bogus: 'ignored', latencyMs: 'nope' });
    assert.equal(set.status, 200);
    assert.deepEqual(set.json()['faults'], { throttle: 1, retryAfterMs: 42 });
    const throttled = await getInfo();
    assert.equal(throttled.json()['Code'], 'Throttling.User');
    assert.equal(throttled.headers['x-acs-retry-after'], '42');
    assert.equal((await getUrl(`${emulator.endpoint}/__emulator/faults`, { method: 'POST', body: '{not json' })).status, 400);
  });

  it('GET /__emulator/stats counts API requests by action; POST /__emulator/reset clears stats and faults', async () => {
    await getInfo();
    await callApi(emulator.endpoint, 'GetCategories', {}, { credentials: emulator.credentials });
    const stats = (await control('stats')).json();
    assert.equal(stats['apiRequests'], 2);
    assert.deepEqual(stats['byAction'], { GetImageInfo: 1, GetCategories: 1 });
    await control('faults', { serverError: 5 });
    assert.equal((await control('reset', {})).status, 200);
    assert.equal((await control('stats')).json()['apiRequests'], 0);
    assert.equal((await getInfo()).status, 200);
  });

  it('GET /__emulator/stats counts authenticated calls by the AccessKey ID that signed them, V3 and V1 alike', async () => {
    await getInfo();
    await callApi(emulator.endpoint, 'GetCategories', {}, { credentials: STS_CREDENTIALS, scheme: 'v1' });
    await callApi(emulator.endpoint, 'GetCategories', {}, { credentials: STS_CREDENTIALS });
    // Neither a wrong secret nor a key the RAM policy stops counts: the key did not get the call through.
    const wrong = await callApi(emulator.endpoint, 'GetCategories', {}, { credentials: { ...emulator.credentials, accessKeySecret: 'NotTheSecret0123456789' } });
    assert.equal(wrong.status, 400);
    assert.equal((await callApi(emulator.endpoint, 'GetCategories', {}, { credentials: FORBIDDEN_CREDENTIALS })).status, 403);
    const stats = (await control('stats')).json();
    assert.equal(stats['apiRequests'], 5);
    assert.deepEqual(stats['byAccessKey'], { [emulator.credentials.accessKeyId]: 1, [STS_CREDENTIALS.accessKeyId]: 2 });
    assert.equal((await control('reset', {})).status, 200);
    assert.equal((await control('stats')).json()['apiRequests'], 0);
    assert.equal((await getInfo()).status, 200);
  });

  it('GET /__emulator/info gives the credentials and the curated fixture IDs', async () => {
    const info = (await control('info')).json();
    assert.equal(info['endpoint'], emulator.endpoint);
    assert.deepEqual(info['credentials'], emulator.credentials);
    assert.ok((info['images'] as unknown[]).length >= 50);
  });
});

describe('emulator close()', () => {
  it('closes even with hung and delayed requests pending, and they fail at the client', async () => {
    const own = await startEmulator();
    own.faults.set({ hang: 1 });
    const id = own.images[0]?.imageId ?? '';
    const hung = callApi(own.endpoint, 'GetImageInfo', { ImageId: id }, { credentials: own.credentials, timeoutMs: 30_000 });
    const hungOutcome = hung.then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(own.stats.apiRequests, 1);
    own.faults.set({ latencyMs: 60_000 });
    const slow = callApi(own.endpoint, 'GetImageInfo', { ImageId: id }, { credentials: own.credentials, timeoutMs: 30_000 }).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await own.close();
    assert.ok(Date.now() - started < 2000);
    assert.equal(await hungOutcome, 'failed');
    assert.equal(await slow, 'failed');
  });

  it('a hung request really never answers while the emulator runs', async () => {
    emulator.faults.set({ hang: 1 });
    await assert.rejects(getInfo(300), (error: NodeJS.ErrnoException) => error.code === 'ETIMEDOUT');
    assert.equal((await getInfo()).status, 200);
  });
});
