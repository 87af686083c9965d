/**
 * The expiry choices of "Copy signed URL" and the options automation may pass instead of answering
 * the prompts. Pure, so the rules (presets, remembered default, argument validation) are unit-tested.
 */
import * as z from 'zod/mini';
import { lazy } from '../../vod/lazy';
import type { OutputType } from '../../vod/api';
import { VodError } from '../../vod/errors';
import { msg } from '../../vod/messages';
import { parseDuration } from '../../vod/duration';

/** 15 min, 1 h, 1 day, 7 days, 30 days: the longest is the OSS limit for VOD's own buckets. */
export const EXPIRY_PRESETS: readonly number[] = [15 * 60, 60 * 60, 24 * 3600, 7 * 24 * 3600, 30 * 24 * 3600];

export interface ExpiryChoice {
  readonly seconds: number;
  /** The one the quick pick pre-selects: the last used expiry, else the setting. */
  readonly isDefault: boolean;
}

/**
 * The presets, plus the default when it is not one of them (a custom value used last time), which
 * then comes first so Enter accepts it.
 */
export function expiryChoices(defaultSeconds: number): ExpiryChoice[] {
  const presets = EXPIRY_PRESETS.map((seconds) => ({ seconds, isDefault: seconds === defaultSeconds }));
  if (presets.some((p) => p.isDefault)) return presets;
  return [{ seconds: defaultSeconds, isDefault: true }, ...presets];
}

/** The remembered expiry if it is still a sane positive whole number of seconds, else the fallback. */
export function defaultExpiry(remembered: unknown, fallbackSeconds: number): number {
  return typeof remembered === 'number' && Number.isSafeInteger(remembered) && remembered > 0 ? remembered : fallbackSeconds;
}

const signedUrlOptionsSchema = lazy(() =>
  z.object({
    expiresIn: z.optional(z.union([z.number(), z.string()])),
    outputType: z.optional(z.enum(['cdn', 'oss'])),
  }),
);

/** What a caller (a test, a keybinding, another extension) may pass to skip the prompts. */
export interface SignedUrlOptions {
  readonly expiresIn?: number | undefined;
  readonly outputType?: OutputType | undefined;
}

/**
 * Validates the second argument of `vodImages.copySignedUrl`. `undefined` means "no options: ask".
 * `expiresIn` is seconds as a number, or a duration string such as `90m`.
 */
export function parseSignedUrlOptions(value: unknown): SignedUrlOptions | undefined | VodError {
  if (value === undefined || value === null) return undefined;
  const parsed = signedUrlOptionsSchema().safeParse(value);
  if (!parsed.success) {
    return new VodError('invalidInput', msg('command.badCopyOptions'));
  }
  const { expiresIn, outputType } = parsed.data;
  const seconds = expiresIn === undefined ? undefined : expiryFromValue(expiresIn);
  if (seconds instanceof VodError) return seconds;
  return { expiresIn: seconds, outputType };
}

function expiryFromValue(value: number | string): number | VodError {
  if (typeof value === 'string') return parseDuration(value);
  if (!Number.isSafeInteger(value) || value <= 0) {
    return new VodError('invalidInput', msg('command.badExpiresIn'));
  }
  return value;
}
