/** Request counters, readable live through `RunningEmulator.stats` and `GET /__emulator/stats`. */
import type { EmulatorStats } from './types';

export class StatsCounter implements EmulatorStats {
  apiRequests = 0;
  imageRequests = 0;
  byAction: Record<string, number> = {};
  byAccessKey: Record<string, number> = {};

  countAction(action: string | undefined): void {
    const name = action === undefined || action === '' ? '(none)' : action;
    bump(this.byAction, name);
  }

  /** Counted only once the call authenticated, so a test can tell which of several keys a client signed with. */
  countKey(accessKeyId: string): void {
    bump(this.byAccessKey, accessKeyId);
  }

  reset(): void {
    this.apiRequests = 0;
    this.imageRequests = 0;
    this.byAction = {};
    this.byAccessKey = {};
  }

  snapshot(): { apiRequests: number; byAction: Record<string, number>; byAccessKey: Record<string, number>; imageRequests: number } {
    return { apiRequests: this.apiRequests, byAction: { ...this.byAction }, byAccessKey: { ...this.byAccessKey }, imageRequests: this.imageRequests };
  }
}

function bump(counts: Record<string, number>, name: string): void {
  // Own-property check: a name such as "constructor" must not touch Object.prototype.
  counts[name] = (Object.hasOwn(counts, name) ? (counts[name] ?? 0) : 0) + 1;
}
