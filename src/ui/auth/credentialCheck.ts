/**
 * The one cheap call made after sign-in, and what its failure means for the user. Problems are
 * returned as codes: the UI words them (localised) with how to fix each one.
 */
import type { CallOptions, VodApi } from '../../vod/api';
import { isVodError, VodError } from '../../vod/errors';
import { msg } from '../../vod/messages';

export type CredentialProblem =
  /** The AccessKey ID is unknown or disabled. */
  | 'unknownKey'
  /** The signature did not match: the secret is wrong. */
  | 'badSecret'
  /** The STS token is malformed, expired or belongs to another key. */
  | 'badToken'
  /** The key works but RAM does not allow the call. */
  | 'noPermission'
  /** VOD is not activated, or suspended, for the account. */
  | 'serviceNotOpen'
  /** The server rejected our timestamp even after the client's skew correction. */
  | 'clock'
  /** No answer: network, timeout, proxy, or a wrong endpoint. */
  | 'unreachable'
  | 'other';

export type CheckResult =
  | { readonly ok: true; readonly imageCount: number }
  | { readonly ok: false; readonly problem: CredentialProblem; readonly error: VodError };

/**
 * SearchMedia with one result: it needs no image ID, proves the key, secret, token and region in one
 * round trip, and tells how many images the account holds.
 */
export async function checkCredentials(api: VodApi, options: CallOptions = {}): Promise<CheckResult> {
  try {
    const result = await api.searchImages({ pageSize: 1, signal: options.signal });
    return { ok: true, imageCount: result.total };
  } catch (error) {
    const vodError = isVodError(error) ? error : new VodError('network', msg('check.failed'), { cause: error });
    return { ok: false, problem: classifyCheckError(vodError), error: vodError };
  }
}

export function classifyCheckError(error: VodError): CredentialProblem {
  const code = error.code ?? '';
  if (code.startsWith('InvalidAccessKeyId')) return 'unknownKey';
  if (code === 'SignatureDoesNotMatch' || code === 'IncompleteSignature' || code.startsWith('InvalidSignature')) return 'badSecret';
  if (code.startsWith('InvalidSecurityToken') || code.startsWith('SecurityToken')) return 'badToken';
  if (code.startsWith('Forbidden') || code === 'NoPermission' || code.startsWith('NoPermission.')) return 'noPermission';
  if (code.startsWith('OperationDenied')) return 'serviceNotOpen';
  if (code.startsWith('InvalidTimeStamp')) return 'clock';
  if (error.kind === 'network' || error.kind === 'timeout') return 'unreachable';
  return 'other';
}

/** Problems that prove the credentials themselves are wrong: such credentials are not saved. */
export function rejectsCredentials(problem: CredentialProblem): boolean {
  return problem === 'unknownKey' || problem === 'badSecret' || problem === 'badToken';
}
