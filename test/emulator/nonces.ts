/**
 * Remembers signature nonces long enough to catch a replay anywhere inside the timestamp window
 * (±15 min around the server clock means a nonce can legitimately reappear up to 30 min later).
 */
const REMEMBER_MS = 31 * 60 * 1000;

export class NonceStore {
  private readonly seen = new Map<string, number>();
  private lastSweep = 0;

  /** Records the nonce; false when it was already used by the same AccessKey. */
  claim(accessKeyId: string, nonce: string, nowMs: number): boolean {
    this.sweep(nowMs);
    const key = `${accessKeyId}\u0000${nonce}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, nowMs + REMEMBER_MS);
    return true;
  }

  private sweep(nowMs: number): void {
    if (nowMs - this.lastSweep < 60_000) return;
    this.lastSweep = nowMs;
    for (const [key, expiresAt] of this.seen) if (expiresAt <= nowMs) this.seen.delete(key);
  }
}
