import { strict as assert } from 'node:assert';
import { createRedactingChannel, createRequestLogSink } from '../../src/ui/requestLog';

const SECRET = 'EmulatorDemoSecret0123456789ab';
const TOKEN = 'CAIS+token/with=base64';

function channel() {
  const lines: [string, string][] = [];
  return {
    lines,
    trace: (l: string) => lines.push(['trace', l]),
    debug: (l: string) => lines.push(['debug', l]),
    info: (l: string) => lines.push(['info', l]),
    warn: (l: string) => lines.push(['warn', l]),
    error: (l: string) => lines.push(['error', l]),
  };
}

describe('ui/requestLog', () => {
  it('writes one line per request with action, count, status, Code, RequestId and latency', () => {
    const out = channel();
    const sink = createRequestLogSink(createRedactingChannel(out, () => []));
    sink({ action: 'GetImageInfos', idCount: 3, status: 200, requestId: 'REQ-1', latencyMs: 41.6, attempt: 1, outcome: 'ok' });
    sink({ action: 'GetImageInfo', idCount: 1, status: 400, code: 'Throttling.User', requestId: 'REQ-2', latencyMs: 5, attempt: 1, outcome: 'retry' });
    sink({ action: 'GetImageInfo', idCount: 1, status: 404, code: 'NoSuchResource', requestId: 'REQ-3', latencyMs: 7, attempt: 2, outcome: 'error' });
    assert.deepEqual(out.lines, [
      ['info', 'GetImageInfos ids=3 status=200 requestId=REQ-1 42 ms ok'],
      ['warn', 'GetImageInfo ids=1 status=400 code=Throttling.User requestId=REQ-2 5 ms retry'],
      ['error', 'GetImageInfo ids=1 status=404 code=NoSuchResource requestId=REQ-3 7 ms attempt=2 error'],
    ]);
  });

  it('redacts the secrets in use (also URL-encoded) and signed query strings from every line', () => {
    const out = channel();
    let secrets: string[] = [SECRET, TOKEN];
    const logger = createRedactingChannel(out, () => secrets);
    logger.warn(`bad secret ${SECRET} token=${encodeURIComponent(TOKEN)} url https://cdn.example.com/a.jpg?auth_key=1700000000-0-0-abc`);
    logger.info(`again ${TOKEN}`);
    const text = out.lines.map((l) => l[1]).join('\n');
    assert.ok(!text.includes(SECRET));
    assert.ok(!text.includes(TOKEN) && !text.includes(encodeURIComponent(TOKEN)));
    assert.ok(!text.includes('auth_key=1700000000'));
    assert.match(text, /https:\/\/cdn\.example\.com\/a\.jpg\?<redacted>/);
    // The list is read per line: after a profile switch the new secrets apply at once.
    secrets = ['AnotherSecretValue99'];
    logger.error('AnotherSecretValue99 leaked?');
    assert.equal(out.lines.at(-1)![1], '<redacted> leaked?');
  });
});
