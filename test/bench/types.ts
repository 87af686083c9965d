/**
 * The contract between `run.ts` and the `*.bench.ts` modules: each module exports `bench`, a named
 * function returning rows; the runner prints every row in one table. Numbers are measured in the
 * same run; goals are printed, never asserted (machines differ; tests assert behaviour instead).
 */
export interface BenchRow {
  /** What was measured, e.g. "GetImageInfo overhead (p50)". */
  readonly metric: string;
  /** The measured value as printed, e.g. "0.41 ms". */
  readonly value: string;
  /** The goal as printed, e.g. "≤ 2 ms". */
  readonly goal: string;
  /** Whether the goal was met; undefined for informational rows. */
  readonly met?: boolean | undefined;
  /** Extra context: sample sizes, baselines, ratios. */
  readonly note?: string | undefined;
}

export interface BenchModule {
  /** Shown as the group title. */
  readonly title: string;
  bench(): Promise<BenchRow[]>;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

/** Frees garbage between phases when node runs with --expose-gc, so one phase's GC does not land in the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function ms(value: number, digits = 2): string {
  return `${value.toFixed(digits)} ms`;
}
