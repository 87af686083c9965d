/**
 * The time we sign requests with. VOD rejects timestamps more than 15 minutes away from its own
 * clock (`InvalidTimeStamp.Expired`), and laptops drift or sit in a wrong time zone setting, so the
 * client learns the offset from the server's `Date` header once and keeps applying it.
 */

/** Milliseconds since the epoch; injectable so tests control time. */
export type TimeSource = () => number;

export interface Clock {
  /** The corrected current time, to sign with. */
  now(): Date;
  /** The correction currently applied (server minus local), in milliseconds. */
  readonly offsetMs: number;
  /**
   * Adopts the offset implied by an HTTP `Date` header received at local time `receivedAtMs`.
   * Returns false (and keeps the old offset) when the header is missing or unparsable.
   */
  learnFromDateHeader(dateHeader: string | undefined, receivedAtMs: number): boolean;
}

/**
 * `Date` has one-second resolution and is stamped somewhere inside the request's round trip, so the
 * learnt offset is only good to about a second. That is ample against a 15-minute window.
 */
export class SkewCorrectedClock implements Clock {
  private offset = 0;

  constructor(private readonly source: TimeSource = Date.now) {}

  get offsetMs(): number {
    return this.offset;
  }

  now(): Date {
    return new Date(this.source() + this.offset);
  }

  learnFromDateHeader(dateHeader: string | undefined, receivedAtMs: number): boolean {
    if (dateHeader === undefined) return false;
    const serverMs = Date.parse(dateHeader);
    if (!Number.isFinite(serverMs)) return false;
    // The header is truncated to whole seconds; assume the middle of that second.
    this.offset = serverMs + 500 - receivedAtMs;
    return true;
  }
}
