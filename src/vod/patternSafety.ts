/**
 * Which user-supplied ID patterns are safe to run on every hover, open document and scanned file.
 *
 * The pattern runs synchronously in the extension host, so one with catastrophic backtracking
 * (`(a+)+b`: time doubles with each character) freezes the host and every extension in it. V8 has
 * no match timeout, so the only defence is to refuse the shapes that backtrack badly:
 * - a quantified group that itself contains a quantifier (`(a+)+`, `(\w*)*`, `(.*a){20}`) or an
 *   alternation (`(a|aa)+`, `(a|a?)*`): the ways to split the input multiply with every repetition
 *   (exponential);
 * - unbounded quantifiers (`*`, `+`, `{n,}`): an unanchored search retries from every position, so
 *   `[a-z-]+x` is quadratic in the text (260 ms on 20,000 characters, minutes on a 1 MB file) and
 *   `\d+\d+\d+y` polynomial. An image ID has a bounded length: `{1,64}` says the same thing;
 * - more than {@link MAX_VARIABILITY} ways to split a match, counted as the product of the spans of
 *   the variable quantifiers (`\d{1,64}\d{1,64}` is 4,096), and bounds above {@link MAX_REPEAT};
 * - backreferences (`\1`, `\k<n>`) and lookarounds (`(?=`, `(?<!`): not regular, and not needed to
 *   describe an ID (the "stands on its own" check is added by the matcher itself);
 * - anything longer than {@link MAX_PATTERN_LENGTH}: an ID pattern is short, and a long one is
 *   hard to review for the rules above.
 *
 * This is a syntactic check, deliberately conservative: it may refuse a harmless pattern (`(ab?){2}`),
 * never accept one of the shapes above. Syntax errors are left to `new RegExp`.
 */
import { msg, type Message } from './messages';

export const MAX_PATTERN_LENGTH = 100;
/** The largest repeat count: matches longer than this are never reported as IDs anyway (`idAt`). */
export const MAX_REPEAT = 256;
/** The product of the variable quantifiers' spans (`?` spans 2, `{1,8}` spans 8). */
export const MAX_VARIABILITY = 256;

/** Why a pattern is refused (a sentence fragment from the catalog), or undefined when it is safe. */
export function unsafePatternReason(pattern: string): Message | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return msg('pattern.tooLong', { max: MAX_PATTERN_LENGTH });
  return new PatternWalk(pattern).run();
}

interface OpenGroup {
  /** A quantifier or `|` was seen inside (at any depth): repeating this group can backtrack exponentially. */
  risky: boolean;
}

/** One left-to-right pass over the pattern, tracking escapes, character classes and groups. */
class PatternWalk {
  private readonly groups: OpenGroup[] = [];
  private i = 0;
  /** Set when the item just read was a group that is risky to repeat. */
  private lastRiskyGroup = false;
  private variability = 1;

  constructor(private readonly p: string) {}

  run(): Message | undefined {
    while (this.i < this.p.length) {
      const reason = this.step();
      if (reason !== undefined) return reason;
    }
    return undefined;
  }

  private step(): Message | undefined {
    const ch = this.p[this.i]!;
    if (ch === '\\') return this.escape();
    if (ch === '[') return this.characterClass();
    if (ch === '(') return this.openGroup();
    if (ch === ')') return this.closeGroup();
    if (ch === '|') {
      this.markEnclosing();
      return this.atom(1);
    }
    const quantifier = quantifierLength(this.p, this.i);
    if (quantifier > 0) return this.quantify(quantifier);
    return this.atom(1);
  }

  private escape(): Message | undefined {
    const next = this.p[this.i + 1] ?? '';
    if (/[1-9]/.test(next) || (next === 'k' && this.p[this.i + 2] === '<')) return msg('pattern.backreference');
    // `\p{…}` / `\u{…}` carry their braces: skip them whole so `{` is not read as a quantifier.
    const braced = (next === 'p' || next === 'P' || next === 'u') && this.p[this.i + 2] === '{' ? this.p.indexOf('}', this.i) : -1;
    return this.atom(braced === -1 ? 2 : braced - this.i + 1);
  }

  private characterClass(): Message | undefined {
    let j = this.i + 1;
    while (j < this.p.length && this.p[j] !== ']') j += this.p[j] === '\\' ? 2 : 1;
    return this.atom(j - this.i + 1);
  }

  private openGroup(): Message | undefined {
    const head = this.p.slice(this.i, this.i + 4);
    if (/^\(\?<?[=!]/.test(head)) return msg('pattern.lookaround');
    this.groups.push({ risky: false });
    // `(?:` and `(?<name>` open a group too; their `?` is not a quantifier.
    const named = /^\(\?<[A-Za-z_$][\w$]*>/.exec(this.p.slice(this.i, this.i + 40));
    this.i += named ? named[0].length : head.startsWith('(?:') ? 3 : 1;
    this.lastRiskyGroup = false;
    return undefined;
  }

  private closeGroup(): Message | undefined {
    const group = this.groups.pop();
    this.i += 1;
    this.lastRiskyGroup = group?.risky ?? false;
    // What makes the inner group risky to repeat makes its parent risky too.
    if (group?.risky) this.markEnclosing();
    return undefined;
  }

  private quantify(length: number): Message | undefined {
    if (this.lastRiskyGroup) return msg('pattern.nested');
    const { min, max } = quantifierBounds(this.p.slice(this.i, this.i + length));
    if (max === Infinity) return msg('pattern.unbounded');
    if (max > MAX_REPEAT) return msg('pattern.repeat', { max: MAX_REPEAT });
    this.variability *= max - min + 1;
    if (this.variability > MAX_VARIABILITY) return msg('pattern.variable');
    this.markEnclosing();
    // A lazy suffix (`{1,8}?`) belongs to the same quantifier.
    this.i += length + (this.p[this.i + length] === '?' ? 1 : 0);
    this.lastRiskyGroup = false;
    return undefined;
  }

  private atom(length: number): Message | undefined {
    this.i += length;
    this.lastRiskyGroup = false;
    return undefined;
  }

  private markEnclosing(): void {
    const top = this.groups[this.groups.length - 1];
    if (top) top.risky = true;
  }
}

/** The repeat range of a quantifier's text (`*`, `{2,5}`, …). */
function quantifierBounds(text: string): { min: number; max: number } {
  if (text === '*') return { min: 0, max: Infinity };
  if (text === '+') return { min: 1, max: Infinity };
  if (text === '?') return { min: 0, max: 1 };
  const [, low, comma, high] = /^\{(\d+)(,?)(\d*)\}$/.exec(text) ?? [];
  const min = Number(low);
  return { min, max: comma === '' ? min : high === '' ? Infinity : Number(high) };
}

/** Length of the quantifier at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`), or 0. */
function quantifierLength(p: string, i: number): number {
  const ch = p[i];
  if (ch === '*' || ch === '+' || ch === '?') return 1;
  if (ch !== '{') return 0;
  const braces = /^\{\d+(,\d*)?\}/.exec(p.slice(i, i + 24));
  return braces ? braces[0].length : 0;
}
