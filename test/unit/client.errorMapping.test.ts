import { strict as assert } from 'node:assert';
import { cleanServerMessage, mapApiError, mapTransportError, parseErrorBody } from '../../src/vod/errorMapping';
import { VodError } from '../../src/vod/errors';
import { msg } from '../../src/vod/messages';
import type { TransportResponse } from '../../src/vod/transport';

function answer(status: number, body: unknown, headers: Record<string, string> = {}): TransportResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers, body: Buffer.from(text) };
}

function apiError(code: string, status: number, message = 'm'): VodError {
  return mapApiError(answer(status, { RequestId: 'REQ-1', HostId: 'vod.cn-shanghai.aliyuncs.com', Code: code, Message: message }));
}

describe('errorMapping: API error codes', () => {
  // Each code from the reference, with the status a doc gives it; the kind must follow the code.
  const table: [code: string, status: number, kind: VodError['kind']][] = [
    ['InvalidAccessKeyId.NotFound', 404, 'auth'],
    ['InvalidAccessKeyId.NotFound', 400, 'auth'],
    ['InvalidAccessKeyId.Inactive', 400, 'auth'],
    ['SignatureDoesNotMatch', 400, 'auth'],
    ['SignatureDoesNotMatch', 403, 'auth'],
    ['IncompleteSignature', 400, 'auth'],
    ['InvalidSecurityToken.Expired', 400, 'auth'],
    ['InvalidSecurityToken.Malformed', 400, 'auth'],
    ['InvalidSecurityToken.MismatchWithAccessKey', 400, 'auth'],
    ['Forbidden', 403, 'auth'],
    ['Forbidden.RAM', 403, 'auth'],
    ['OperationDenied', 403, 'auth'],
    ['OperationDenied.Suspended', 403, 'auth'],
    ['InvalidTimeStamp.Expired', 400, 'auth'],
    ['NoSuchResource', 404, 'notFound'],
    ['NoSuchResource', 400, 'notFound'],
    ['InvalidImage.NotFound', 404, 'notFound'],
    ['InvalidAction.NotFound', 404, 'configuration'],
    ['InvalidApi.NotFound', 404, 'configuration'],
    ['InvalidCateId.NotFound', 404, 'notFound'],
    ['Throttling', 400, 'throttled'],
    ['Throttling.User', 400, 'throttled'],
    ['Throttling.Api', 503, 'throttled'],
    ['Flow.Throttling', 400, 'throttled'],
    ['InternalError', 500, 'server'],
    ['ServiceUnAvailable', 503, 'server'],
    ['ServiceUnavailable', 503, 'server'],
    ['MissingParameter', 400, 'invalidInput'],
    ['InvalidParameter', 400, 'invalidInput'],
    ['InvalidParameter.PageSize', 400, 'invalidInput'],
    ['ErrorMatchSyntax', 400, 'invalidInput'],
    ['SomethingNew', 400, 'invalidInput'],
    ['SomethingNew', 502, 'server'],
  ];
  for (const [code, status, kind] of table) {
    it(`${code} (HTTP ${status}) → ${kind}`, () => {
      const error = apiError(code, status);
      assert.equal(error.kind, kind);
      assert.equal(error.code, code);
      assert.equal(error.requestId, 'REQ-1');
      assert.equal(error.httpStatus, status);
      assert.ok(error.message.length > 20, 'a sentence, not just a code');
    });
  }

  it('gives each auth failure its own fix-it sentence', () => {
    const sentences = new Set(
      ['InvalidAccessKeyId.NotFound', 'SignatureDoesNotMatch', 'InvalidSecurityToken.Expired', 'Forbidden.RAM', 'OperationDenied'].map(
        (code) => apiError(code, 403).message,
      ),
    );
    assert.equal(sentences.size, 5);
    assert.match(apiError('Forbidden.RAM', 403).message, /vod:GetImageInfo/);
    assert.match(apiError('OperationDenied', 403).message, /not activated/);
    assert.match(apiError('InvalidSecurityToken.Expired', 400).message, /expired/);
  });

  it('reads x-acs-retry-after (milliseconds) and falls back to the x-acs-request-id header', () => {
    const error = mapApiError(answer(400, { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.' }, {
      'x-acs-retry-after': '1500',
      'x-acs-request-id': 'HDR-ID',
    }));
    assert.equal(error.retryAfterMs, 1500);
    assert.equal(error.requestId, 'HDR-ID');
    const garbage = mapApiError(answer(400, { Code: 'Throttling' }, { 'x-acs-retry-after': 'soon' }));
    assert.equal(garbage.retryAfterMs, undefined);
  });

  it('reads the XML error variant', () => {
    const xml = '<?xml version="1.0"?><Error><RequestId>X-1</RequestId><HostId>h</HostId><Code>NoSuchResource</Code><Message>The specified resource does not exist.</Message></Error>';
    const error = mapApiError(answer(404, xml));
    assert.equal(error.kind, 'notFound');
    assert.equal(error.code, 'NoSuchResource');
    assert.equal(error.requestId, 'X-1');
  });

  it('an answer without a code: 5xx is a server error (retryable), 4xx an unreadable answer', () => {
    assert.equal(mapApiError(answer(502, '<html>Bad Gateway</html>')).kind, 'server');
    assert.equal(mapApiError(answer(503, '')).kind, 'server');
    const odd = mapApiError(answer(418, '{"hello":'));
    assert.equal(odd.kind, 'invalidResponse');
    assert.equal(odd.code, undefined);
    assert.deepEqual(parseErrorBody(Buffer.from('{"Code":5}')), {}, 'a Code of the wrong type is no code');
  });

  it('quotes the server message only where it names a parameter, and cleans it', () => {
    const quoted = apiError('InvalidParameter', 400, 'The specified parameter PageSize is not valid.');
    assert.match(quoted.message, /PageSize is not valid/);
    const auth = apiError('SignatureDoesNotMatch', 400, 'Specified signature is not matched with our calculation. server string to sign is:POST&%2F&SecurityToken%3DTOKEN');
    assert.doesNotMatch(auth.message, /TOKEN|string to sign/i);
  });
});

describe('errorMapping: server-controlled Code and RequestId', () => {
  const FORGED = ['Evil\u001b]8;;https://x\u0007', 'a\nERROR forged log line', 'x'.repeat(129), 'Code with space', '[x](command:vodImages.signOut)', ''];

  it('keeps well-formed values', () => {
    const error = mapApiError(answer(400, { Code: 'Throttling.User', RequestId: '9D5C2F3A-0C6B-4F8E-9C1A-1234567890AB', Message: 'm' }));
    assert.equal(error.code, 'Throttling.User');
    assert.equal(error.requestId, '9D5C2F3A-0C6B-4F8E-9C1A-1234567890AB');
    assert.equal(mapApiError(answer(400, { Code: `A${'b'.repeat(127)}`, Message: 'm' })).code?.length, 128);
  });

  it('drops a Code that is not ^[\\w.-]{1,128}$ (and maps it as an unreadable answer)', () => {
    for (const code of FORGED) {
      const error = mapApiError(answer(400, { Code: code, RequestId: 'REQ-1', Message: 'm' }));
      assert.equal(error.code, undefined, JSON.stringify(code));
      assert.doesNotMatch(error.toLine(), /Evil|forged|command:/);
    }
  });

  it('drops a RequestId that is not ^[\\w-]{1,64}$, from the body and from the header', () => {
    for (const requestId of [...FORGED, 'a'.repeat(65), 'dotted.id']) {
      assert.equal(mapApiError(answer(400, { Code: 'Throttling', RequestId: requestId, Message: 'm' })).requestId, undefined, JSON.stringify(requestId));
      assert.equal(mapApiError(answer(400, { Code: 'Throttling', Message: 'm' }, { 'x-acs-request-id': requestId })).requestId, undefined);
    }
  });

  it('quoted server messages cannot form Markdown links (notifications render them)', () => {
    const error = apiError('InvalidParameter', 400, 'Bad [click here](command:vodImages.signOut) now');
    assert.doesNotMatch(error.message, /[[\]]/);
    assert.match(error.message, /click here/);
  });
});

describe('errorMapping: cleanServerMessage', () => {
  it('cuts an echoed string-to-sign', () => {
    assert.equal(cleanServerMessage('Bad thing. StringToSign: GET&%2F&AccessKeyId%3Dx'), 'Bad thing.');
    assert.equal(cleanServerMessage('Bad. server string to sign is:POST&...'), 'Bad.');
  });

  it('drops URL queries and known secrets, keeps the rest', () => {
    const text = cleanServerMessage('See https://cdn.example.com/a.png?auth_key=1-2-3-abc now, key sEcReT99 leaked', ['sEcReT99', 'ab']);
    assert.equal(text, 'See https://cdn.example.com/a.png?<redacted> now, key <redacted> leaked');
    assert.equal(cleanServerMessage('token a%2Fb%2Bc%3D here', ['a/b+c=']), 'token <redacted> here', 'percent-encoded forms too');
  });

  it('removes control and bidi characters and caps the length', () => {
    assert.equal(cleanServerMessage('a\u001b[31mred\u202Eevil\u0007'), 'a (31mred evil');
    assert.ok(cleanServerMessage('x'.repeat(1000)).length <= 240);
  });
});

describe('errorMapping: transport failures', () => {
  function sysError(code: string): Error {
    return Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code });
  }

  it('connection resets and refusals are network errors naming the host, with the system code', () => {
    const reset = mapTransportError(sysError('ECONNRESET'), 'vod.cn-shanghai.aliyuncs.com');
    assert.equal(reset.kind, 'network');
    assert.equal(reset.code, 'ECONNRESET');
    assert.match(reset.message, /vod\.cn-shanghai\.aliyuncs\.com.*reset/);
    assert.equal(mapTransportError(sysError('ECONNREFUSED'), 'h').code, 'ECONNREFUSED');
    assert.match(mapTransportError(sysError('ENOTFOUND'), 'h').message, /resolved/);
  });

  it('finds the code in a wrapped cause', () => {
    const wrapped = new TypeError('fetch failed', { cause: { cause: sysError('ECONNRESET') } });
    assert.equal(mapTransportError(wrapped, 'h').code, 'ECONNRESET');
  });

  it('timeouts: connect, headers/body, and our own deadline', () => {
    assert.equal(mapTransportError(Object.assign(new Error('x'), { code: 'UND_ERR_CONNECT_TIMEOUT' }), 'h').kind, 'timeout');
    assert.equal(mapTransportError(Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' }), 'h').kind, 'timeout');
    const abort = Object.assign(new Error('This operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' });
    assert.equal(mapTransportError(abort, 'h', true).kind, 'timeout');
    assert.equal(mapTransportError(abort, 'h', false).kind, 'cancelled');
  });

  it('TLS failures say how to trust an inspecting proxy', () => {
    const error = mapTransportError(sysError('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), 'h');
    assert.equal(error.kind, 'network');
    assert.match(error.message, /NODE_EXTRA_CA_CERTS/);
  });

  it('passes VodErrors through unchanged', () => {
    const original = new VodError('invalidResponse', msg('net.tooLarge', { host: 'cdn.example', mib: 1 }), { code: 'TooLarge' });
    assert.equal(mapTransportError(original, 'h'), original);
  });
});
