/**
 * The subset of SearchMedia's `Match` protocol the emulator understands, following the protocol
 * appendix (https://www.alibabacloud.com/help/en/vod/developer-reference/protocol-for-media-asset-search,
 * vod-api.md §1.3) and accepting nothing it does not document:
 *
 *   query     := and-chain                      -- a bare top-level `or` is a syntax error, as documented
 *   and-chain := primary ('and' primary)*
 *   primary   := '(' or-chain ')' | condition
 *   or-chain  := and-chain ('or' and-chain)*
 *   condition := CateId '=' integer             -- CateId is a Long ("field = value"): unquoted
 *              | Field '=' string               -- exact or fuzzy, by field
 *              | Field 'in' '(' string (',' string)* ')'
 *              | TimeField '=' range
 *   range     := ('(' | '[') [string] ',' [string] (')' | ']')   -- '[' ']' closed, '(' ')' open; one end may be empty
 *
 * Strings are single-quoted and end at the next `'`: the appendix documents no escape, so a
 * backslash is an ordinary character and `'O\'Brien'` is a syntax error (the stricter reading).
 * A quoted CateId is a syntax error too. Keywords `and`, `or`, `in` are case-insensitive; field
 * names are case-sensitive.
 *
 * Each SearchType has its own field table ("Media asset information" in the appendix): images match
 * on ImageId (exact); videos on VideoId (exact, and multi-value with at most 100 IDs); audio on AudioId
 * (exact only: the audio table marks it for no multi-value query). FileName is an image field only.
 */
import { apiErrors } from './apiError';
import { parseApiTimestamp } from './clock';

/** What a Match condition can look at, per image (or video / audio asset). */
export interface Searchable {
  ImageId?: string | undefined;
  VideoId?: string | undefined;
  AudioId?: string | undefined;
  AppId?: string | undefined;
  CateId?: number | undefined;
  StorageLocation?: string | undefined;
  FileName?: string | undefined;
  Title?: string | undefined;
  Tags?: string | undefined;
  Description?: string | undefined;
  Status?: string | undefined;
  CreationTime?: string | undefined;
  ModificationTime?: string | undefined;
}

/** The fields images, videos and audio share, as the emulator's records spell them. */
export interface SearchableRecord {
  readonly appId?: string | undefined;
  readonly cateId?: number | undefined;
  readonly storageLocation?: string | undefined;
  readonly title?: string | undefined;
  readonly tags?: string | undefined;
  readonly description?: string | undefined;
  readonly status?: string | undefined;
  readonly creationTime?: string | undefined;
  readonly modificationTime?: string | undefined;
}

/** A record's shared fields under their Match names; each kind adds its own ID field (and images FileName). */
export function sharedSearchable(record: SearchableRecord): Searchable {
  return {
    AppId: record.appId,
    CateId: record.cateId,
    StorageLocation: record.storageLocation,
    Title: record.title,
    Tags: record.tags,
    Description: record.description,
    Status: record.status,
    CreationTime: record.creationTime,
    ModificationTime: record.modificationTime,
  };
}

export type MatchPredicate = (item: Searchable) => boolean;

type FieldKind = 'exact' | 'long' | 'fuzzy' | 'time';
interface FieldRule {
  kind: FieldKind;
  /** Whether `in (…)` is allowed (the documented "multi-value" fields). */
  multi: boolean;
  /** The most values one `in (…)` may list, where the appendix gives a limit. */
  maxValues?: number;
}

export type MatchType = 'image' | 'video' | 'audio';

const SHARED_FIELDS: Readonly<Record<string, FieldRule>> = {
  CateId: { kind: 'long', multi: false },
  StorageLocation: { kind: 'exact', multi: true },
  AppId: { kind: 'exact', multi: true },
  Status: { kind: 'exact', multi: true },
  Title: { kind: 'fuzzy', multi: true },
  Tags: { kind: 'fuzzy', multi: true },
  Description: { kind: 'fuzzy', multi: true },
  CreationTime: { kind: 'time', multi: false },
  ModificationTime: { kind: 'time', multi: false },
};

const FIELD_TABLES: Readonly<Record<MatchType, Readonly<Record<string, FieldRule>>>> = {
  image: { ...SHARED_FIELDS, ImageId: { kind: 'exact', multi: false }, FileName: { kind: 'fuzzy', multi: true } },
  // "You can use the VideoId field to specify a maximum of 100 video IDs in a multi-value query."
  video: { ...SHARED_FIELDS, VideoId: { kind: 'exact', multi: true, maxValues: 100 } },
  audio: { ...SHARED_FIELDS, AudioId: { kind: 'exact', multi: false } },
};

type Token =
  | { type: 'word'; text: string; at: number }
  | { type: 'string'; text: string; at: number }
  | { type: 'number'; text: string; at: number }
  | { type: 'punct'; text: '=' | '(' | ')' | '[' | ']' | ','; at: number }
  | { type: 'end'; at: number };

/** Parses a Match expression into a predicate; throws the API's `ErrorMatchSyntax` error. */
export function compileMatch(source: string, type: MatchType = 'image'): MatchPredicate {
  const parser = new Parser(tokenize(source), FIELD_TABLES[type], type);
  const predicate = parser.andChain();
  const next = parser.peek();
  if (next.type !== 'end') {
    const hint = isKeyword(next, 'or') ? '"or" must be inside parentheses' : `unexpected ${describe(next)}`;
    throw syntax('Expression', next.at, hint);
  }
  return predicate;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
    } else if ('=()[],'.includes(ch)) {
      tokens.push({ type: 'punct', text: ch as '=', at: i });
      i += 1;
    } else if (ch === "'") {
      const [text, end] = readString(source, i);
      tokens.push({ type: 'string', text, at: i });
      i = end;
    } else if (/[-0-9]/.test(ch)) {
      const digits = /^-?\d+/.exec(source.slice(i))?.[0];
      if (digits === undefined) throw syntax('Expression', i, `unexpected character ${JSON.stringify(ch)}`);
      tokens.push({ type: 'number', text: digits, at: i });
      i += digits.length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))?.[0] ?? ch;
      tokens.push({ type: 'word', text: word, at: i });
      i += word.length;
    } else {
      throw syntax('Expression', i, `unexpected character ${JSON.stringify(ch)}`);
    }
  }
  tokens.push({ type: 'end', at: source.length });
  return tokens;
}

/** Reads a quoted string starting at `start` (the opening quote); returns its value and the index after it. */
function readString(source: string, start: number): [string, number] {
  const end = source.indexOf("'", start + 1);
  if (end < 0) throw syntax('Expression', start, 'unterminated string');
  return [source.slice(start + 1, end), end + 1];
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly fields: Readonly<Record<string, FieldRule>>,
    private readonly type: MatchType,
  ) {}

  peek(): Token {
    return this.tokens[this.index] ?? { type: 'end', at: 0 };
  }

  private take(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index += 1;
    return token;
  }

  private expectPunct(text: string, part: string): void {
    const token = this.take();
    if (token.type !== 'punct' || token.text !== text) throw syntax(part, token.at, `expected "${text}", found ${describe(token)}`);
  }

  andChain(): MatchPredicate {
    const parts = [this.primary()];
    while (isKeyword(this.peek(), 'and')) {
      this.take();
      parts.push(this.primary());
    }
    return parts.length === 1 ? (parts[0] as MatchPredicate) : (item) => parts.every((p) => p(item));
  }

  private orChain(): MatchPredicate {
    const parts = [this.andChain()];
    while (isKeyword(this.peek(), 'or')) {
      this.take();
      parts.push(this.andChain());
    }
    return parts.length === 1 ? (parts[0] as MatchPredicate) : (item) => parts.some((p) => p(item));
  }

  private primary(): MatchPredicate {
    const token = this.peek();
    if (token.type === 'punct' && token.text === '(') {
      this.take();
      const inner = this.orChain();
      this.expectPunct(')', 'Expression');
      return inner;
    }
    return this.condition();
  }

  private condition(): MatchPredicate {
    const fieldToken = this.take();
    if (fieldToken.type !== 'word' || ['and', 'or', 'in'].includes(fieldToken.text.toLowerCase())) {
      throw syntax('Expression', fieldToken.at, `expected a field name, found ${describe(fieldToken)}`);
    }
    const field = fieldToken.text;
    const rule = this.fields[field];
    if (!rule) throw syntax(field, fieldToken.at, `unknown or unsupported field for ${this.type === 'image' ? 'images' : this.type}`);

    const operator = this.take();
    if (isKeyword(operator, 'in')) {
      if (!rule.multi) throw syntax(field, operator.at, `${field} does not accept "in"`);
      return this.inList(field, rule);
    }
    if (operator.type !== 'punct' || operator.text !== '=') {
      throw syntax(field, operator.at, `expected "=" or "in", found ${describe(operator)}`);
    }
    const value = this.peek();
    if (rule.kind === 'long') {
      if (value.type !== 'number') throw syntax(field, value.at, `${field} is a Long: expected an unquoted integer, found ${describe(value)}`);
      this.take();
      return valueTest(field, rule, [value.text]);
    }
    if (value.type === 'string') {
      this.take();
      return valueTest(field, rule, [value.text]);
    }
    if (value.type === 'punct' && (value.text === '(' || value.text === '[')) {
      if (rule.kind !== 'time') throw syntax(field, value.at, `${field} does not accept a range`);
      return this.range(field);
    }
    throw syntax(field, value.at, `expected a quoted value, found ${describe(value)}`);
  }

  private inList(field: string, rule: FieldRule): MatchPredicate {
    this.expectPunct('(', field);
    const values: string[] = [];
    for (;;) {
      const token = this.take();
      if (token.type !== 'string') throw syntax(field, token.at, `expected a quoted value, found ${describe(token)}`);
      values.push(token.text);
      const separator = this.take();
      if (separator.type === 'punct' && separator.text === ')') break;
      if (separator.type !== 'punct' || separator.text !== ',') {
        throw syntax(field, separator.at, `expected "," or ")", found ${describe(separator)}`);
      }
    }
    if (rule.maxValues !== undefined && values.length > rule.maxValues) throw syntax(field, 0, `at most ${rule.maxValues} values`);
    return valueTest(field, rule, values);
  }

  private range(field: string): MatchPredicate {
    const open = this.take();
    const fromInclusive = open.type === 'punct' && open.text === '[';
    const from = this.optionalTime(field);
    this.expectPunct(',', field);
    const to = this.optionalTime(field);
    const close = this.take();
    if (close.type !== 'punct' || (close.text !== ')' && close.text !== ']')) {
      throw syntax(field, close.at, `expected ")" or "]", found ${describe(close)}`);
    }
    if (from === undefined && to === undefined) throw syntax(field, open.at, 'a range needs at least one end');
    const toInclusive = close.text === ']';
    return (item) => {
      const raw = item[field as 'CreationTime' | 'ModificationTime'];
      const ms = raw === undefined ? undefined : Date.parse(raw);
      if (ms === undefined || Number.isNaN(ms)) return false;
      if (from !== undefined && (fromInclusive ? ms < from : ms <= from)) return false;
      if (to !== undefined && (toInclusive ? ms > to : ms >= to)) return false;
      return true;
    };
  }

  private optionalTime(field: string): number | undefined {
    const token = this.peek();
    if (token.type !== 'string') return undefined;
    this.take();
    const ms = parseApiTimestamp(token.text);
    if (ms === undefined) throw syntax(field, token.at, `"${token.text}" is not a yyyy-MM-ddTHH:mm:ssZ time`);
    return ms;
  }
}

function valueTest(field: string, rule: FieldRule, values: readonly string[]): MatchPredicate {
  const read = (item: Searchable): string | undefined => {
    const raw = item[field as keyof Searchable];
    return raw === undefined ? undefined : String(raw);
  };
  if (rule.kind === 'fuzzy') {
    const needles = values.map((v) => v.toLowerCase());
    return (item) => {
      const hay = read(item)?.toLowerCase();
      return hay !== undefined && needles.some((n) => hay.includes(n));
    };
  }
  return (item) => {
    const actual = read(item);
    return actual !== undefined && values.includes(actual);
  };
}

function isKeyword(token: Token, keyword: string): boolean {
  return token.type === 'word' && token.text.toLowerCase() === keyword;
}

function describe(token: Token): string {
  if (token.type === 'end') return 'the end of the expression';
  if (token.type === 'string') return 'a quoted value';
  if (token.type === 'number') return `the number ${token.text}`;
  return `"${token.text}"`;
}

function syntax(part: string, at: number, hint: string) {
  return apiErrors.matchSyntax(part, `at ${at}: ${hint}`);
}
