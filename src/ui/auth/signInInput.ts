/**
 * Validation of what a user types (or automation passes) to sign in. Pure, and it returns problem
 * codes rather than sentences: the UI words them, localised, and can never echo a secret by mistake.
 */
import * as z from 'zod/mini';
import { lazy } from '../../vod/lazy';
import type { Credentials } from '../../vod/credentials';
import { resolveEndpoint } from '../../vod/endpoint';
import { profileNameProblem, type ProfileNameProblem } from '../profiles';

export type SignInField = 'arguments' | 'profile' | 'accessKeyId' | 'accessKeySecret' | 'securityToken' | 'region';
export type FieldProblem = ProfileNameProblem | 'missing' | 'whitespace' | 'unknownRegion';

export interface InvalidField {
  readonly field: SignInField;
  readonly problem: FieldProblem;
}

/** What a valid sign-in carries: the profile to create or replace, its credentials and (optionally) its region. */
export interface SignInRequest {
  readonly profile: string;
  readonly credentials: Credentials;
  readonly region: string | undefined;
}

/** Real key IDs are 16–30 characters (`LTAI…`, STS ones `STS.…`); the limit only guards against pasted junk. */
const MAX_KEY_LENGTH = 128;
const KEY_ID_CHARS = /^[A-Za-z0-9._-]+$/;

export function accessKeyIdProblem(value: string): FieldProblem | undefined {
  if (value.trim() === '') return 'empty';
  if (/\s/.test(value.trim())) return 'whitespace';
  if (value.trim().length > MAX_KEY_LENGTH) return 'tooLong';
  return KEY_ID_CHARS.test(value.trim()) ? undefined : 'badCharacters';
}

export function accessKeySecretProblem(value: string): FieldProblem | undefined {
  if (value.trim() === '') return 'empty';
  if (/\s/.test(value.trim())) return 'whitespace';
  return value.trim().length > MAX_KEY_LENGTH ? 'tooLong' : undefined;
}

/** The token is optional; when given it is one base64-like word (they run to a few KB). */
export function securityTokenProblem(value: string): FieldProblem | undefined {
  return /\s/.test(value.trim()) ? 'whitespace' : undefined;
}

export function regionProblem(value: string): FieldProblem | undefined {
  try {
    resolveEndpoint({ region: value });
    return undefined;
  } catch {
    return 'unknownRegion';
  }
}

/** A key ID of temporary (STS) credentials, which cannot sign without their token. */
export function isStsKeyId(accessKeyId: string): boolean {
  return accessKeyId.trim().startsWith('STS.');
}

const argsSchema = lazy(() =>
  z.object({
    profile: z.string(),
    accessKeyId: z.string(),
    accessKeySecret: z.string(),
    securityToken: z.optional(z.nullable(z.string())),
    region: z.optional(z.nullable(z.string())),
  }),
);

const FIELDS: readonly SignInField[] = ['profile', 'accessKeyId', 'accessKeySecret', 'securityToken', 'region'];

/** Parses `vodImages.signIn`'s automation argument `{profile, accessKeyId, accessKeySecret, securityToken?, region?}`. */
export function parseSignInArgs(value: unknown): { ok: true; request: SignInRequest } | { ok: false; invalid: InvalidField } {
  const parsed = argsSchema().safeParse(value);
  if (!parsed.success) {
    // Name the first offending field, never its value.
    const first = parsed.error.issues[0]?.path[0];
    const field = FIELDS.find((f) => f === first) ?? 'arguments';
    return { ok: false, invalid: { field, problem: 'missing' } };
  }
  const args = parsed.data;
  const token = args.securityToken?.trim() || undefined;
  const region = args.region?.trim() || undefined;
  const checks: [SignInField, FieldProblem | undefined][] = [
    ['profile', profileNameProblem(args.profile.trim())],
    ['accessKeyId', accessKeyIdProblem(args.accessKeyId)],
    ['accessKeySecret', accessKeySecretProblem(args.accessKeySecret)],
    ['securityToken', token === undefined ? undefined : securityTokenProblem(token)],
    ['region', region === undefined ? undefined : regionProblem(region)],
  ];
  for (const [field, problem] of checks) {
    if (problem !== undefined) return { ok: false, invalid: { field, problem } };
  }
  return {
    ok: true,
    request: {
      profile: args.profile.trim(),
      credentials: buildCredentials(args.accessKeyId, args.accessKeySecret, token),
      region,
    },
  };
}

export function buildCredentials(accessKeyId: string, accessKeySecret: string, securityToken: string | undefined): Credentials {
  const base = { accessKeyId: accessKeyId.trim(), accessKeySecret: accessKeySecret.trim() };
  const token = securityToken?.trim();
  return token ? { ...base, securityToken: token } : base;
}
