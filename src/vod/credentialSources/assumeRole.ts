/**
 * STS AssumeRole (API version 2015-04-01), RPC signed (HMAC-SHA1) with the base credentials, as the
 * official package's `RAMRoleARNCredentialsProvider` calls it (`@alicloud/credentials` 2.4.7,
 * providers/ram_role_arn.ts): RoleArn, RoleSessionName, DurationSeconds, Policy and ExternalId when set.
 * The request is POSTed with every parameter in the form body (our V1 signer's choice, see
 * signV1Request.ts); the signature is the same as the package's, which sends the common ones in the query.
 * Reference: https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-assumerole
 */
import type { Credentials } from '../credentials';
import { VodError, type VodErrorKind } from '../errors';
import { msg } from '../messages';
import { safeErrorCode, safeRequestId } from '../serverFields';
import type { TemporarySource, SourceRuntime } from '../temporaryCredentials';
import type { TransportResponse } from '../transport';
import { credentialsOf, parseJson } from './answer';
import type { Expiring } from './refreshCache';

type AssumeRole = Extract<TemporarySource, { kind: 'assumeRole' }>;

const FROM = 'STS AssumeRole';

export async function assumeRole(source: AssumeRole, base: Credentials, runtime: SourceRuntime): Promise<Expiring> {
  const params: Record<string, string> = {
    RoleArn: source.roleArn,
    RoleSessionName: source.roleSessionName,
    DurationSeconds: String(source.durationSeconds),
  };
  if (source.policy !== undefined) params['Policy'] = source.policy;
  if (source.externalId !== undefined) params['ExternalId'] = source.externalId;
  const signed = runtime.sign({
    scheme: 'v1',
    endpoint: new URL(runtime.stsEndpoint ?? source.stsEndpoint),
    action: 'AssumeRole',
    version: '2015-04-01',
    params,
    credentials: base,
    now: new Date(runtime.now()),
    nonce: runtime.nonce(),
  });
  const response = await runtime.transport.request({ ...signed, timeoutMs: 15_000 });
  if (response.status !== 200) throw stsError(response);
  const credentials = parseJson(response, FROM)['Credentials'];
  return credentialsOf(typeof credentials === 'object' && credentials !== null ? (credentials as Record<string, unknown>) : {}, FROM);
}

/**
 * Only the error `Code` and `RequestId` are kept: STS's `SignatureDoesNotMatch` message quotes the string
 * it signed, which holds the AccessKey ID and, for a chained role, the STS token.
 */
function stsError(response: TransportResponse): VodError {
  let fields: Record<string, unknown> = {};
  try {
    fields = parseJson(response, FROM);
  } catch {
    // An HTML error page from a proxy: the status is all there is.
  }
  const code = safeErrorCode(fields['Code']);
  const details = { code, requestId: safeRequestId(fields['RequestId']), httpStatus: response.status };
  return new VodError(stsErrorKind(response.status, code), msg('source.stsRefused', { reason: code ?? `HTTP ${response.status}` }), details);
}

function stsErrorKind(status: number, code: string | undefined): VodErrorKind {
  if (code?.startsWith('Throttling')) return 'throttled';
  if (code?.startsWith('InvalidParameter') || code === 'MissingParameter') return 'invalidInput';
  if (status >= 500) return 'server';
  return 'auth';
}
