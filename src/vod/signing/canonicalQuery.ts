import { percentEncode } from './percentEncode';

/**
 * The canonical query string shared by RPC V1 and ACS3: parameters sorted by name, name and value
 * percent-encoded, `name=value` joined by `&`; empty when there are no parameters.
 *
 * Names are sorted before encoding, in Unicode code-point order (= UTF-8 byte order). For the
 * ASCII names the VOD API uses this is the same as plain string order.
 */
export function canonicalQueryString(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort(compareCodePoints)
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
    .join('&');
}

/** Code-point order; JavaScript's default sort compares UTF-16 units, which misplaces astral chars. */
export function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  const shared = Math.min(left.length, right.length);
  for (let i = 0; i < shared; i++) {
    const diff = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}
