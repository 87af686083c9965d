import * as assert from 'node:assert/strict';
import { integrationEnv } from './hostEnv';

describe('emulator seen from the extension host', () => {
  it('answers an unsigned API call the way VOD does', async () => {
    const { endpoint } = integrationEnv();
    assert.match(endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${endpoint}/`, { signal: AbortSignal.timeout(5000) });
    const body = (await res.json()) as { Code?: unknown; RequestId?: unknown };
    assert.equal(res.status, 400);
    assert.equal(body.Code, 'IncompleteSignature');
    assert.equal(typeof body.RequestId, 'string');
  });

  it('exposes its control API to the suite', async () => {
    const { control } = integrationEnv();
    const res = await fetch(`${control}/__emulator/faults`, { signal: AbortSignal.timeout(5000) });
    assert.equal(res.status, 200);
    assert.equal(typeof (await res.json()), 'object');
  });

  it('hands the suite fixture image IDs', () => {
    const { imageIds } = integrationEnv();
    for (const trait of ['any', 'png', 'jpeg', 'gif', 'blocked', 'missing']) {
      assert.match(imageIds[trait] ?? '', /^[0-9a-f]{32}$/, `no 32-hex ID for trait "${trait}"`);
    }
    assert.notEqual(imageIds.any, imageIds.missing);
  });
});
