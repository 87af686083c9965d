/**
 * Durations for "copy signed URL": what a person types ("90m", "1h30m", "3600"), how we show one
 * back ("1 h 30 min"), and the validity limits VOD puts on `AuthTimeout` (reference §8).
 */
import type { OutputType } from './api';
import { VodError } from './errors';
import { msg, type Message } from './messages';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** OSS URLs from VOD system buckets live at most 30 days (an own OSS bucket allows only 36 h). */
export const MAX_OSS_EXPIRY_SECONDS = 30 * DAY;
/** The documented upper bound of an own OSS bucket; quoted in the OSS error message. */
export const MAX_OWN_BUCKET_EXPIRY_SECONDS = 36 * HOUR;
/**
 * CDN URLs have no documented maximum. We cap them at 10 years: anything longer is a typo, and a
 * signed link that outlives the key rotation policy of any sane account is no longer "temporary".
 */
export const MAX_CDN_EXPIRY_SECONDS = 3650 * DAY;

/** Unit words a person may type, each mapped to its length in seconds. */
const UNIT_SECONDS: ReadonlyMap<string, number> = new Map([
  ...['s', 'sec', 'secs', 'second', 'seconds'].map((u) => [u, 1] as const),
  ...['m', 'min', 'mins', 'minute', 'minutes'].map((u) => [u, MINUTE] as const),
  ...['h', 'hr', 'hrs', 'hour', 'hours'].map((u) => [u, HOUR] as const),
  ...['d', 'day', 'days'].map((u) => [u, DAY] as const),
  ...['w', 'week', 'weeks'].map((u) => [u, WEEK] as const),
]);

/** The whole input must be a sequence of "<digits> <unit>" parts (spaces between are allowed). */
const PARTS_SHAPE = /^(?:\d+\s*[a-z]+\s*)+$/;
const PART = /(\d+)\s*([a-z]+)/g;
const PLAIN_SECONDS = /^\d+$/;

const HINT = msg('duration.hint');

function invalid(text: Message): VodError {
  return new VodError('invalidInput', text);
}

/** Quotes user input in a message, shortened so a pasted paragraph does not flood the UI. */
function quote(input: string): string {
  return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
}

/**
 * Parses a duration into whole seconds: `45s`, `90m`, `2h`, `3d`, `1w`, `1h30m`, `1 h 30 min`
 * (what {@link formatDuration} prints), or plain seconds `3600`. Each unit may appear once.
 * Zero, negative, fractional and unknown input are rejected with a message saying what to type.
 */
export function parseDuration(input: string): number | VodError {
  const text = input.trim().toLowerCase();
  if (text === '') return invalid(msg('duration.empty', { hint: HINT }));

  let seconds: number;
  if (PLAIN_SECONDS.test(text)) {
    seconds = Number(text);
  } else if (PARTS_SHAPE.test(text)) {
    const summed = sumParts(text, input);
    if (summed instanceof VodError) return summed;
    seconds = summed;
  } else {
    return invalid(msg('duration.invalid', { input: quote(input), hint: HINT }));
  }

  if (!Number.isSafeInteger(seconds)) return invalid(msg('duration.tooLong', { input: quote(input) }));
  if (seconds <= 0) return invalid(msg('duration.notPositive', { hint: HINT }));
  return seconds;
}

function sumParts(text: string, input: string): number | VodError {
  const seen = new Set<number>();
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) {
    const size = UNIT_SECONDS.get(unit ?? '');
    if (size === undefined) return invalid(msg('duration.unknownUnit', { unit: quote(unit ?? ''), input: quote(input), hint: HINT }));
    // "1h2h" is far more likely a typo than a wish for 3 hours.
    if (seen.has(size)) return invalid(msg('duration.unitTwice', { input: quote(input), hint: HINT }));
    seen.add(size);
    total += Number(amount) * size;
  }
  return total;
}

const DISPLAY_UNITS: readonly { seconds: number; one: string; many: string }[] = [
  { seconds: DAY, one: 'day', many: 'days' },
  { seconds: HOUR, one: 'h', many: 'h' },
  { seconds: MINUTE, one: 'min', many: 'min' },
  { seconds: 1, one: 's', many: 's' },
];

/**
 * Shows a number of seconds the way a person reads it: `15 min`, `1 h`, `1 day`, `7 days`,
 * `1 h 30 min`. By default exact (every non-zero unit); `maxUnits` keeps only the largest ones,
 * truncating the rest (used for "expires in 2 h 5 min", where seconds are noise).
 * Negative or fractional input is shown by its whole absolute value.
 */
export function formatDuration(seconds: number, maxUnits = DISPLAY_UNITS.length): string {
  let rest = Math.floor(Math.abs(seconds));
  if (!Number.isFinite(rest)) return 'forever';
  const parts: string[] = [];
  for (const unit of DISPLAY_UNITS) {
    if (parts.length >= maxUnits) break;
    const count = Math.floor(rest / unit.seconds);
    rest -= count * unit.seconds;
    // Once a larger unit was printed, smaller ones are only kept while contiguous: "1 day 3 min"
    // under a two-unit budget would read as if it were exact.
    if (count === 0) {
      if (parts.length > 0 && maxUnits < DISPLAY_UNITS.length) break;
      continue;
    }
    parts.push(`${count} ${count === 1 ? unit.one : unit.many}`);
  }
  return parts.length === 0 ? '0 s' : parts.join(' ');
}

/**
 * Checks a URL validity against what VOD accepts for `AuthTimeout`; `undefined` when it is fine.
 * OSS: 1 s to 30 days (VOD system buckets; own buckets stop at 36 h, which only the server knows).
 * CDN: at least 1 s; no documented maximum, capped here at {@link MAX_CDN_EXPIRY_SECONDS}.
 */
/** The longest validity an output type allows (the bound `checkExpiryBounds` enforces). */
export function maxExpirySeconds(outputType: OutputType): number {
  return outputType === 'oss' ? MAX_OSS_EXPIRY_SECONDS : MAX_CDN_EXPIRY_SECONDS;
}

export function checkExpiryBounds(seconds: number, outputType: OutputType): VodError | undefined {
  if (!Number.isSafeInteger(seconds) || seconds < 1) {
    return invalid(msg('expiry.notWhole'));
  }
  if (outputType === 'oss' && seconds > MAX_OSS_EXPIRY_SECONDS) {
    return invalid(msg('expiry.ossTooLong', { ossMax: MAX_OSS_EXPIRY_SECONDS, ownMax: MAX_OWN_BUCKET_EXPIRY_SECONDS, duration: formatDuration(seconds) }));
  }
  if (outputType === 'cdn' && seconds > MAX_CDN_EXPIRY_SECONDS) {
    return invalid(msg('expiry.cdnTooLong', { duration: formatDuration(seconds) }));
  }
  return undefined;
}
