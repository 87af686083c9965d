/**
 * Builds SearchMedia's `Match` expression for the library filter, in the syntax of the protocol
 * appendix (https://www.alibabacloud.com/help/en/vod/developer-reference/protocol-for-media-asset-search)
 * and nothing else: string values in single quotes, `CateId` (a Long) unquoted, `or` only inside
 * parentheses.
 *
 * Quotes: the appendix documents no escape inside a quoted value, so none is written (a backslash
 * is an ordinary character). A search text containing `'` cannot be sent whole; it is split at each
 * `'` into separate fuzzy terms that must all match (joined with `and`), and the filter prompt says so.
 *
 * Punctuation: the protocol asks for single-byte (ASCII) punctuation in the statement, meaning its
 * syntax: `=`, quotes, parentheses, commas. The builder writes all syntax itself, in ASCII. Values
 * are kept as typed, full-width punctuation included: a fuzzy search for a Chinese title has to
 * contain the title's own `，` or `—`, and a look-alike quote such as `’` cannot close a string
 * (only the ASCII `'` does). Leading and trailing whitespace is trimmed.
 *
 * Creation-time ranges use only the documented forms `('from','to')`, `('from',)`, `(,'to')`.
 * Those bounds are exclusive, and API times have whole seconds, so an inclusive [from, to] is
 * written as (from − 1 s, to + 1 s) after rounding inwards to whole seconds.
 */
import { VodError } from '../errors';
import { msg, type Message } from '../messages';
import { parseIsoDate } from '../render/format';

export type MatchTextField = 'Title' | 'Tags' | 'Description';

export interface MatchFilter {
  /** Free text, matched fuzzily (substring, any case) in each of `fields`. */
  readonly text?: string | undefined;
  /** Default: all three. */
  readonly fields?: readonly MatchTextField[] | undefined;
  readonly categoryId?: number | undefined;
  /** Exact Status values, e.g. `Normal`, `Uploading`, `UploadFail`; any one matches. */
  readonly statuses?: readonly string[] | undefined;
  /**
   * Inclusive ends. A string is an ISO date-time with a zone, or a date `yyyy-MM-dd` read as a
   * UTC day (the whole day: from its start, to its end). Pass a Date for a day in local time.
   */
  readonly createdFrom?: Date | string | undefined;
  readonly createdTo?: Date | string | undefined;
}

export const MATCH_TEXT_FIELDS: readonly MatchTextField[] = ['Title', 'Tags', 'Description'];
/** Longer than any title (128 bytes) or description (1,024 bytes) VOD stores, so it could never match. */
export const MAX_MATCH_TEXT_LENGTH = 1024;

const STATUS = /^[A-Za-z]{1,32}$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECOND = 1000;
const DAY = 86_400_000;

/** The Match expression for a filter: `''` when the filter is empty (search everything). */
export function buildMatch(filter: MatchFilter): string | VodError {
  const parts: string[] = [];
  for (const build of [textCondition, categoryCondition, statusCondition, creationCondition]) {
    const part = build(filter);
    if (part instanceof VodError) return part;
    if (part !== undefined) parts.push(part);
  }
  return parts.join(' and ');
}

/**
 * A single-quoted Match string. The protocol has no escape, so a value holding `'` cannot be quoted:
 * callers split such text first (see `searchTerms`); this refuses rather than build a broken statement.
 */
export function quoteMatchValue(value: string): string {
  if (value.includes("'")) throw new VodError('invalidInput', msg('match.quote'));
  return `'${value}'`;
}

/** The search text as fuzzy terms: split at each `'` (which cannot be quoted), trimmed, empty parts dropped. */
export function searchTerms(text: string): string[] {
  return [...new Set(text.split("'").map((part) => part.trim()).filter((part) => part !== ''))];
}

function textCondition(filter: MatchFilter): string | VodError | undefined {
  const text = filter.text?.trim() ?? '';
  if (text === '') return undefined;
  if (text.length > MAX_MATCH_TEXT_LENGTH) return invalid(msg('match.textTooLong', { max: MAX_MATCH_TEXT_LENGTH }));
  const fields = [...new Set(filter.fields ?? MATCH_TEXT_FIELDS)];
  if (fields.length === 0) return invalid(msg('match.noFields'));
  const unknown = fields.find((field) => !MATCH_TEXT_FIELDS.includes(field));
  if (unknown !== undefined) return invalid(msg('match.badField', { field: String(unknown) }));
  const terms = searchTerms(text);
  // Only quotes: nothing left to search for, which is the same as no text.
  if (terms.length === 0) return undefined;
  return terms.map((term) => termCondition(term, fields)).join(' and ');
}

/** One term in any of the fields; the protocol rejects a top-level `or`, so parentheses keep it inside. */
function termCondition(term: string, fields: readonly MatchTextField[]): string {
  const conditions = fields.map((field) => `${field} = ${quoteMatchValue(term)}`);
  return conditions.length === 1 ? conditions[0]! : `(${conditions.join(' or ')})`;
}

function categoryCondition(filter: MatchFilter): string | VodError | undefined {
  const id = filter.categoryId;
  if (id === undefined) return undefined;
  if (!Number.isSafeInteger(id) || id < 0) return invalid(msg('match.badCategory', { id }));
  // A Long in the protocol: written bare, as `field = value` shows it.
  return `CateId = ${id}`;
}

function statusCondition(filter: MatchFilter): string | VodError | undefined {
  const statuses = [...new Set(filter.statuses ?? [])];
  if (statuses.length === 0) return undefined;
  const bad = statuses.find((status) => !STATUS.test(status));
  if (bad !== undefined) return invalid(msg('match.badStatus', { status: bad.slice(0, 40) }));
  if (statuses.length === 1) return `Status = ${quoteMatchValue(statuses[0]!)}`;
  return `Status in (${statuses.map(quoteMatchValue).join(',')})`;
}

function creationCondition(filter: MatchFilter): string | VodError | undefined {
  const from = filter.createdFrom === undefined ? undefined : instant(filter.createdFrom, 'start');
  const to = filter.createdTo === undefined ? undefined : instant(filter.createdTo, 'end');
  if (from instanceof VodError) return from;
  if (to instanceof VodError) return to;
  if (from === undefined && to === undefined) return undefined;
  if (from !== undefined && to !== undefined && from > to) return invalid(msg('match.rangeReversed'));
  // Exclusive bounds in whole seconds that admit exactly the whole-second times in [from, to].
  const after = from === undefined ? '' : quoteMatchValue(apiTimestamp(Math.ceil(from / SECOND) * SECOND - SECOND));
  const before = to === undefined ? '' : quoteMatchValue(apiTimestamp(Math.floor(to / SECOND) * SECOND + SECOND));
  return `CreationTime = (${after},${before})`;
}

/** Milliseconds since the epoch; a date-only string stands for the start or the end of its UTC day. */
function instant(value: Date | string, end: 'start' | 'end'): number | VodError {
  if (value instanceof Date) {
    const ms = value.getTime();
    return inRange(ms) ? ms : invalid(msg('match.badTime'));
  }
  const text = value.trim();
  const day = DATE_ONLY.exec(text);
  if (day) {
    const [year, month, date] = day.slice(1).map(Number) as [number, number, number];
    const start = Date.UTC(year, month - 1, date);
    const roundTrip = new Date(start);
    if (roundTrip.getUTCFullYear() !== year || roundTrip.getUTCMonth() !== month - 1 || roundTrip.getUTCDate() !== date || !inRange(start)) {
      return invalid(msg('match.badDate', { text: text.slice(0, 40) }));
    }
    return end === 'start' ? start : start + DAY - 1;
  }
  const parsed = parseIsoDate(text);
  if (!parsed || !inRange(parsed.getTime())) {
    return invalid(msg('match.notDate', { text: text.slice(0, 40) }));
  }
  return parsed.getTime();
}

/** Years 1970..9998: the API format has four year digits, and bounds move by a second either way. */
function inRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= 0 && ms < Date.UTC(9999, 0, 1) - DAY;
}

/** `yyyy-MM-ddTHH:mm:ssZ`, the API's timestamp format. */
function apiTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function invalid(text: Message): VodError {
  return new VodError('invalidInput', text);
}
