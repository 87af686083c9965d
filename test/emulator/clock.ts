/**
 * The emulator's sense of time: real time shifted by `clockOffsetMs`, so tests can make the server
 * disagree with the client (timestamp checks, `Date` header, signed-URL expiry all use it).
 */
export class EmulatorClock {
  /** `offsetMs` is read on every call, so a fault plan change applies at once. */
  constructor(private readonly offsetMs: () => number = () => 0) {}

  nowMs(): number {
    return Date.now() + this.offsetMs();
  }

  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** For the HTTP `Date` header (RFC 7231 IMF-fixdate). */
  httpDate(): string {
    return new Date(this.nowMs()).toUTCString();
  }
}

/** `yyyy-MM-ddTHH:mm:ssZ`, the API's timestamp format (no milliseconds). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const API_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** Parses the strict API timestamp format; anything else (millis, offsets, garbage) is undefined. */
export function parseApiTimestamp(text: string): number | undefined {
  if (!API_TIMESTAMP.test(text)) return undefined;
  const ms = Date.parse(text);
  // Date.parse accepts 2023-02-31 by rolling over; a round trip rejects such impossible dates.
  if (Number.isNaN(ms) || isoSeconds(ms) !== text) return undefined;
  return ms;
}
