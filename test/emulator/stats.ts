/** Request counters, readable live through `RunningEmulator.stats` and `GET /__emulator/stats`. */
import type { EmulatorStats } from './types';

export class StatsCounter implements EmulatorStats {
  apiRequests = 0;
  imageRequests = 0;
  byAction: Record<string, number> = {};

  countAction(action: string | undefined): void {
    const name = action === undefined || action === '' ? '(none)' : action;
    // Own-property check: an Action named "constructor" must not touch Object.prototype.
    this.byAction[name] = (Object.hasOwn(this.byAction, name) ? (this.byAction[name] ?? 0) : 0) + 1;
  }

  reset(): void {
    this.apiRequests = 0;
    this.imageRequests = 0;
    this.byAction = {};
  }

  snapshot(): { apiRequests: number; byAction: Record<string, number>; imageRequests: number } {
    return { apiRequests: this.apiRequests, byAction: { ...this.byAction }, imageRequests: this.imageRequests };
  }
}
