/**
 * `ALIBABA_CLOUD_CREDENTIALS_URI`: a GET answering `{AccessKeyId, AccessKeySecret, SecurityToken,
 * Expiration}` with HTTP 200, as the official package's `URICredentialsProvider` reads it
 * (`@alicloud/credentials` 2.4.7, providers/uri.ts). Such a URI is a local helper (a sidecar, a
 * credential process behind a port), so the request goes direct, never through a proxy.
 */
import { VodError } from '../errors';
import { msg } from '../messages';
import type { SourceRuntime, TemporarySource } from '../temporaryCredentials';
import { credentialsOf, parseJson } from './answer';
import type { Expiring } from './refreshCache';

type CredentialsUri = Extract<TemporarySource, { kind: 'credentialsUri' }>;

const FROM = msg('source.credentialsUri');

export async function credentialsUri(source: CredentialsUri, runtime: SourceRuntime): Promise<Expiring> {
  const response = await runtime.transport.request({ method: 'GET', url: source.uri, headers: {}, timeoutMs: 15_000, direct: true });
  if (response.status !== 200) {
    // The URI itself is not repeated: it may carry a token in its query.
    throw new VodError(response.status >= 500 ? 'server' : 'auth', msg('source.uriStatus', { status: response.status }), {
      httpStatus: response.status,
    });
  }
  return credentialsOf(parseJson(response, FROM), FROM);
}
