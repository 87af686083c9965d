/** Parameter parsing shared by the actions; every violation is the API's InvalidParameter. */
import { apiErrors } from '../apiError';
import { OSS_MAX_VALIDITY_SEC, type OutputType, type UrlContext } from '../imageRecord';
import type { ActionContext } from './context';

export interface IntRule {
  min: number;
  max: number;
  fallback: number;
}

export function intParam(params: Readonly<Record<string, string>>, name: string, rule: IntRule): number {
  const raw = params[name];
  if (raw === undefined || raw === '') return rule.fallback;
  if (!/^-?\d{1,16}$/.test(raw)) throw apiErrors.invalidParameter(name);
  const value = Number(raw);
  if (value < rule.min || value > rule.max) throw apiErrors.invalidParameter(name, `Allowed range: ${rule.min}..${rule.max}.`);
  return value;
}

export function requiredParam(params: Readonly<Record<string, string>>, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw apiErrors.missingParameter(name);
  return value;
}

/** OutputType (cdn default) and AuthTimeout (≥ 1; for oss ≤ 30 days), as GetImageInfo(s) document them. */
export function urlContext(context: ActionContext): UrlContext {
  const rawType = context.params['OutputType'];
  const outputType: OutputType = rawType === undefined || rawType === '' ? 'cdn' : (rawType as OutputType);
  if (outputType !== 'cdn' && outputType !== 'oss') throw apiErrors.invalidParameter('OutputType', 'Valid values: cdn, oss.');
  const hasTimeout = context.params['AuthTimeout'] !== undefined && context.params['AuthTimeout'] !== '';
  const max = outputType === 'oss' ? OSS_MAX_VALIDITY_SEC : Number.MAX_SAFE_INTEGER / 1000;
  const authTimeoutSec = hasTimeout ? intParam(context.params, 'AuthTimeout', { min: 1, max, fallback: 0 }) : undefined;
  return { base: context.base, nowSec: context.nowSec, outputType, authTimeoutSec };
}
