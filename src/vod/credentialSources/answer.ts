/**
 * Reading the JSON answers of STS, the metadata service and a credentials URI. Their bodies carry
 * secrets, so no message built here quotes a body, a field value or a parser error (V8's JSON errors
 * quote the text around the fault).
 */
import { VodError } from '../errors';
import { msg, type Message, type MessageParam } from '../messages';
import type { TransportResponse } from '../transport';
import type { Expiring } from './refreshCache';

/** `2015-04-09T11:52:19Z` or `…19.117Z`, the two forms the official package's `parseUTC` accepts. */
const EXPIRATION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** `from` names the source: a catalog message, or an action name that stays as it is (STS AssumeRole). */
export function invalidAnswer(from: MessageParam, why: Message): VodError {
  return new VodError('invalidResponse', msg('source.invalidAnswer', { from, why }));
}

export function parseJson(response: TransportResponse, from: MessageParam): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(response.body.toString('utf8'));
  } catch {
    throw invalidAnswer(from, msg('source.notJson'));
  }
  if (typeof json !== 'object' || json === null) throw invalidAnswer(from, msg('source.notObject'));
  return json as Record<string, unknown>;
}

/** `AccessKeyId`, `AccessKeySecret`, `SecurityToken` (all required, as the official package requires) and `Expiration`. */
export function credentialsOf(fields: Record<string, unknown>, from: MessageParam): Expiring {
  const text = (name: string): string => {
    const value = fields[name];
    if (typeof value !== 'string' || value === '') throw invalidAnswer(from, msg('source.noField', { field: name }));
    return value;
  };
  const accessKeyId = text('AccessKeyId');
  const accessKeySecret = text('AccessKeySecret');
  const securityToken = text('SecurityToken');
  const expiration = fields['Expiration'];
  const expiresAt = typeof expiration === 'string' && EXPIRATION.test(expiration) ? Date.parse(expiration) : NaN;
  if (Number.isNaN(expiresAt)) throw invalidAnswer(from, msg('source.noExpiration'));
  return { credentials: { accessKeyId, accessKeySecret, securityToken }, expiresAt };
}
