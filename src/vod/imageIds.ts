/**
 * Finding image IDs in text (editor documents, selections, pasted input).
 *
 * IDs have no documented format (reference §8); the ones seen are 32 hex characters, so that is the
 * default pattern, and users can configure their own. A match must stand on its own: the characters
 * around it may not be ASCII letters, digits or `_`. That keeps a 40-char git SHA, a 64-char SHA-256,
 * `abc<32 hex>` or `<32 hex>_x` from yielding a false ID, while `"<id>"`, `id=<id>`, `/<id>.png`
 * and `<id>` between CJK characters (no spaces in Chinese text) still match.
 *
 * Matching is case-insensitive (IDs are lowercase in the docs, but people paste them uppercased) and
 * reports the text as written. Patterns are compiled with the `u` flag, so `\p{…}` works in them.
 */
import { VodError } from './errors';
import { msg } from './messages';
import { unsafePatternReason } from './patternSafety';

export interface IdMatch {
  readonly id: string;
  /** Offset of the first character in the searched text. */
  readonly start: number;
  /** Offset just after the last character (exclusive). */
  readonly end: number;
}

export const DEFAULT_ID_PATTERN = '[0-9a-f]{32}';

const WORD_CHAR = '[A-Za-z0-9_]';

/**
 * Compiles a user-configured ID pattern, or explains why it cannot be used: invalid syntax, a shape
 * that can backtrack catastrophically (see `patternSafety.ts`: it runs synchronously on every hover
 * and scanned file), or a pattern that matches the empty string (it would "find" an ID between
 * every two characters).
 */
export function compileIdPattern(pattern: string): RegExp | VodError {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return new VodError('invalidInput', msg('idPattern.syntax', { reason: syntaxReason(error, pattern) }));
  }
  // Matching the empty string cannot backtrack, whatever the pattern: safe to try before the shape check.
  if (new RegExp(`^(?:${pattern})$`, 'iu').test('')) {
    return new VodError('invalidInput', msg('idPattern.empty'));
  }
  const unsafe = unsafePatternReason(pattern);
  if (unsafe !== undefined) {
    return new VodError('invalidInput', msg('idPattern.unsafe', { reason: unsafe }));
  }
  // The lookarounds hold the "stands on its own" rule; the group keeps a `|` in the pattern inside it.
  return new RegExp(`(?<!${WORD_CHAR})(?:${pattern})(?!${WORD_CHAR})`, 'giu');
}

/** V8 says "Invalid regular expression: /<pattern>/u: <reason>"; the reason is what helps. */
function syntaxReason(error: unknown, pattern: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const prefix = `Invalid regular expression: /${pattern}/u: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** Compiled patterns by source: hovers ask on every mouse move, settings change rarely. */
const compiled = new Map<string, RegExp>();
const MAX_CACHED_PATTERNS = 16;

function idRegex(pattern: string): RegExp {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  const result = compileIdPattern(pattern);
  if (result instanceof VodError) throw result;
  if (compiled.size >= MAX_CACHED_PATTERNS) compiled.clear();
  compiled.set(pattern, result);
  return result;
}

/**
 * Every ID in `text`, in order, with its offsets. One regex pass over the text. Throws the
 * VodError of {@link compileIdPattern} for an unusable pattern (validate settings with it first).
 */
export function findImageIds(text: string, pattern: string = DEFAULT_ID_PATTERN): IdMatch[] {
  return scan(idRegex(pattern), text, 0).filter((m) => !isSignatureHash(text, m.start));
}

/** `auth_key=<timestamp>-<rand>-<uid>-` right before a match: what follows is the URL's md5 hash. */
const AUTH_KEY_PREFIX = /auth_key=\d{1,20}-[0-9A-Za-z]{0,64}-\d{1,20}-$/;
const AUTH_KEY_LOOKBACK = 120;

/**
 * True when the text at `start` is the hash part of a type-A signed URL's `auth_key`: an md5 is 32
 * hex characters, exactly like an image ID, but it is never one (the expiry hover covers those URLs).
 */
export function isSignatureHash(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) !== 0x2d /* - */) return false;
  return AUTH_KEY_PREFIX.test(text.slice(Math.max(0, start - AUTH_KEY_LOOKBACK), start));
}

/**
 * The regex is shared (cached), so `lastIndex` is reset here; nothing else runs between the reset
 * and the end of the loop.
 */
function scan(regex: RegExp, text: string, shift: number): IdMatch[] {
  const matches: IdMatch[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    const id = m[0];
    // A pattern like `(?=x)` can match empty in context even though it cannot match "" alone.
    if (id.length === 0) {
      regex.lastIndex = m.index + 1;
      continue;
    }
    matches.push({ id, start: shift + m.index, end: shift + m.index + id.length });
  }
  return matches;
}

/** Longer matches are not IDs; bounds the text a hover looks at in a multi-MB single-line file. */
const MAX_ID_LENGTH = 256;
const WORD_CHAR_RE = new RegExp(WORD_CHAR);

/**
 * The ID under a position, for hovers and "look up ID at cursor": a match with
 * `start <= offset < end`, else one ending exactly at `offset` (the cursor just after an ID).
 * Only the part of the line within {@link MAX_ID_LENGTH} of `offset` is scanned: IDs do not span
 * lines, and the cost stays constant however large the document is. (A custom pattern's matches
 * longer than that are not reported here.)
 */
export function idAt(text: string, offset: number, pattern: string = DEFAULT_ID_PATTERN): IdMatch | undefined {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return undefined;
  const lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline === -1 ? text.length : newline;
  const from = Math.max(lineStart, offset - MAX_ID_LENGTH);
  const to = Math.min(lineEnd, offset + MAX_ID_LENGTH);
  // Cutting the window can make a piece of a longer run look like a whole ID, so every match is
  // re-checked against the characters around it in the full text.
  const matches = scan(idRegex(pattern), text.slice(from, to), from).filter((m) => standsAlone(text, m) && !isSignatureHash(text, m.start));
  return matches.find((m) => m.start <= offset && offset < m.end) ?? matches.find((m) => m.end === offset);
}

function standsAlone(text: string, m: IdMatch): boolean {
  return !WORD_CHAR_RE.test(text.charAt(m.start - 1)) && !WORD_CHAR_RE.test(text.charAt(m.end));
}

const PLAUSIBLE_ID = /^[A-Za-z0-9]{1,64}$/;

/** A loose check for an ID a person typed: 1–64 ASCII letters or digits (no format is documented). */
export function isPlausibleImageId(input: string): boolean {
  return PLAUSIBLE_ID.test(input);
}

/** The distinct IDs of a list of matches, in first-seen order. */
export function uniqueIds(matches: readonly IdMatch[]): string[] {
  return [...new Set(matches.map((m) => m.id))];
}
