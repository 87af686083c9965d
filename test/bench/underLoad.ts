/**
 * Measuring the extension's responsiveness while a scan runs in the same process (the scan's
 * JavaScript shares the thread with hovers, as in the extension host):
 * - cached hovers, sampled on a timer and timed from when they were due, so a hover that waits
 *   behind scan work counts that wait (what a user would feel);
 * - the event loop's longest block (perf_hooks' delay histogram);
 * - heap growth across the run.
 * Used by scan.bench.ts (20k files) and large.bench.ts (200k files).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { withHoverHost } from './hoverHost';
import { collectGarbage, percentile } from './types';

/** One hover every this many ms during the scan. */
const HOVER_EVERY_MS = 5;

export interface UnderLoad<T> {
  readonly result: T;
  readonly hoverP50Ms: number;
  readonly hoverP99Ms: number;
  readonly hovers: number;
  readonly maxLagMs: number;
  /** Every hover's wait, ms: pooled over several runs where one run's few hundred are too few for a p99. */
  readonly samples: readonly number[];
}

/** Runs `work` while hovering a cached ID every few ms; the emulator serves the one uncached lookup first. */
export async function underLoad<T>(work: () => Promise<T>): Promise<UnderLoad<T>> {
  return withHoverHost(async ({ hover }) => {
    await hover(); // the first, uncached hover: not part of the measurement
    // Garbage collected before sampling starts, not by the work itself: a forced collection blocks the
    // thread for tens of ms, and the first hovers would be timed waiting behind it.
    await new Promise((r) => setTimeout(r, 10));
    collectGarbage();

    const waits: { due: number; wait: number }[] = [];
    let running = true;
    const sampler = (async () => {
      while (running) {
        const due = performance.now() + HOVER_EVERY_MS;
        await new Promise((r) => setTimeout(r, HOVER_EVERY_MS));
        await hover();
        waits.push({ due, wait: performance.now() - due });
      }
    })();
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    let result: T;
    let ended = Infinity;
    try {
      result = await work();
      ended = performance.now();
    } finally {
      lag.disable();
      running = false;
      await sampler;
    }
    // Only hovers due while the work ran: the last one is due after it, behind whatever follows it.
    const samples = waits.filter((w) => w.due < ended).map((w) => w.wait);
    return {
      result,
      hoverP50Ms: percentile(samples, 50),
      hoverP99Ms: percentile(samples, 99),
      hovers: samples.length,
      // The histogram counts the timer's own resolution in every sample.
      maxLagMs: Math.max(0, lag.max / 1e6 - 10),
      samples,
    };
  });
}
