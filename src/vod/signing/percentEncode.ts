/**
 * RFC 3986 percent-encoding as Alibaba Cloud signatures define it (both RPC V1 and ACS3): UTF-8 bytes,
 * `A-Z a-z 0-9 - _ . ~` kept, every other byte `%XY` with uppercase hex. Unlike form encoding, a space
 * is `%20` and `*` is `%2A`; the server recomputes the signature from exactly this text.
 */

const utf8 = new TextEncoder();

// Precomputed per byte so encoding is one lookup per byte.
const BYTE_TEXT: readonly string[] = Array.from({ length: 256 }, (_, byte) =>
  isUnreserved(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
);

const ALL_UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x5f || // _
    byte === 0x2e || // .
    byte === 0x7e // ~
  );
}

/**
 * A lone UTF-16 surrogate has no UTF-8 form; it becomes U+FFFD (`%EF%BF%BD`), as `URLSearchParams`
 * does, rather than throwing like `encodeURIComponent`. The signature and the bytes sent use this same
 * function, so they always agree with each other.
 */
export function percentEncode(value: string): string {
  // Most values (IDs, versions, actions) need no escaping at all.
  if (ALL_UNRESERVED.test(value)) return value;
  let out = '';
  for (const byte of utf8.encode(value)) out += BYTE_TEXT[byte];
  return out;
}
