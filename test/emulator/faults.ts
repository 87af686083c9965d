/**
 * Fault injection state. Counters are consumed one per API request when it arrives (so concurrent
 * requests get a deterministic share), at most one counted fault per request, in the precedence
 * order below; latency applies on top.
 */
import type { FaultPlan } from './types';

export type Fault =
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'throttle'; retryAfterMs: number }
  | { kind: 'serverError' }
  | { kind: 'malformedJson' }
  | { kind: 'oversized'; bytes: number };

const COUNTERS = ['reset', 'hang', 'throttle', 'serverError', 'malformedJson'] as const;
const OSS_COUNTERS = ['ossReset', 'ossForbidden', 'ossTokenExpired'] as const;
type Counter = (typeof COUNTERS)[number] | (typeof OSS_COUNTERS)[number] | 'shortUploadCredential';

export type OssFault = 'reset' | 'forbidden' | 'tokenExpired';

export const DEFAULT_RETRY_AFTER_MS = 1000;

export class FaultState {
  private plan: FaultPlan = {};

  /** Merges: fields present in `plan` replace the current ones; the rest stay. */
  set(plan: FaultPlan): void {
    this.plan = { ...this.plan, ...sanitize(plan) };
  }

  reset(): void {
    this.plan = {};
  }

  current(): Readonly<FaultPlan> {
    return { ...this.plan };
  }

  latencyMs(): number {
    return this.plan.latencyMs ?? 0;
  }

  imageLatencyMs(): number {
    return this.plan.imageLatencyMs ?? 0;
  }

  imageProcessingOff(): boolean {
    return (this.plan.imageProcessingOff ?? 0) > 0;
  }

  clockOffsetMs(): number {
    return this.plan.clockOffsetMs ?? 0;
  }

  /** Takes the fault for the request that just arrived, if any. */
  take(): Fault | undefined {
    for (const counter of COUNTERS) {
      if (this.consume(counter)) {
        if (counter === 'throttle') return { kind: 'throttle', retryAfterMs: this.plan.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS };
        return { kind: counter };
      }
    }
    const bytes = this.plan.oversizedBytes;
    if (bytes !== undefined && bytes > 0) {
      delete this.plan.oversizedBytes;
      return { kind: 'oversized', bytes };
    }
    return undefined;
  }

  /** Takes the fault for the OSS PutObject that just arrived, if any (the API counters are not touched). */
  takeOss(): OssFault | undefined {
    if (this.consume('ossReset')) return 'reset';
    if (this.consume('ossForbidden')) return 'forbidden';
    if (this.consume('ossTokenExpired')) return 'tokenExpired';
    return undefined;
  }

  /** True when this CreateUploadImage should hand out a credential about to expire. */
  takeShortUploadCredential(): boolean {
    return this.consume('shortUploadCredential');
  }

  private consume(counter: Counter): boolean {
    const left = this.plan[counter] ?? 0;
    if (left <= 0) return false;
    this.plan[counter] = left - 1;
    return true;
  }
}

const FIELDS: readonly (keyof FaultPlan)[] = [
  'latencyMs', 'throttle', 'retryAfterMs', 'serverError', 'reset', 'malformedJson', 'oversizedBytes', 'hang', 'clockOffsetMs', 'imageLatencyMs', 'imageProcessingOff',
  'ossReset', 'ossForbidden', 'ossTokenExpired', 'shortUploadCredential',
];

/** Keeps known numeric fields only (the control endpoint feeds this untrusted JSON). */
export function sanitize(input: unknown): FaultPlan {
  const plan: FaultPlan = {};
  if (typeof input !== 'object' || input === null) return plan;
  for (const field of FIELDS) {
    const value = (input as Record<string, unknown>)[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    // Only the clock offset may be negative.
    plan[field] = field === 'clockOffsetMs' ? Math.trunc(value) : Math.max(0, Math.trunc(value));
  }
  return plan;
}
