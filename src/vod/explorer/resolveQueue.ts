/**
 * Resolves many IDs (the workspace's, the selection's) progressively through the shared
 * ImageService: chunk by chunk, so the tree fills in as answers arrive, and never one API call per
 * ID. A chunk's lookups are made in one tick, which the service batches into ⌈uncached/20⌉
 * GetImageInfos calls; chunks are multiples of 20 so that, for N uncached IDs, the total is ⌈N/20⌉
 * calls. The client's rate limiter keeps them within the API's 10 calls/s.
 *
 * IDs no image batch found go on to GetVideoInfos. The next chunk starts as soon as the current one's
 * image answers are in, not its video answers, and the whole run holds the service's video batches
 * (`holdVideoBatches`): so the unknown IDs of successive chunks fill whole 20-ID GetVideoInfos calls,
 * ⌈M/20⌉ for M of them, and only the last batch of the run may be partial. A chunk is reported when
 * all of its IDs are answered, which for its videos can be a few chunks later.
 *
 * A failed call fails only the IDs it carried: they are reported as failed, with the error, and
 * the rest carry on.
 */
import { setMaxListeners } from 'node:events';
import { VodError } from '../errors';
import { msg } from '../messages';
import type { ImageService, Lookup, VideoBatchHold } from '../imageService';

export type ResolveOutcome = Lookup | { readonly state: 'failed'; readonly imageId: string; readonly error: unknown };

export interface ResolveProgress {
  readonly done: number;
  readonly total: number;
}

export interface ResolveOptions {
  /** IDs per chunk; rounded up to a multiple of 20. Default 100 (5 calls). */
  readonly chunkSize?: number | undefined;
  /** Chunks in flight at once, so the rate limiter is never idle waiting on a round trip. Default 2. */
  readonly concurrency?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Each chunk's outcomes, as soon as the chunk is done. */
  readonly onResolved?: ((outcomes: ReadonlyMap<string, ResolveOutcome>, progress: ResolveProgress) => void) | undefined;
}

export interface ResolveSummary {
  readonly found: number;
  readonly missing: number;
  readonly failed: number;
}

export const DEFAULT_RESOLVE_CHUNK = 100;
const IDS_PER_CALL = 20;

export type ResolvingService = Pick<ImageService, 'get' | 'holdVideoBatches'>;

export async function resolveProgressively(
  service: ResolvingService,
  ids: Iterable<string>,
  options: ResolveOptions = {},
): Promise<ResolveSummary> {
  const unique = [...new Set(ids)];
  const chunkSize = Math.max(1, Math.ceil((options.chunkSize ?? DEFAULT_RESOLVE_CHUNK) / IDS_PER_CALL)) * IDS_PER_CALL;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
  const { signal } = options;
  const summary = { found: 0, missing: 0, failed: 0 };
  let done = 0;
  let next = 0;

  const report = (chunk: readonly string[], outcomes: Map<string, ResolveOutcome>): void => {
    // Aborted: the chunk's lookups were cancelled; nothing to report.
    if (signal?.aborted) return;
    // Audio and video count as found: the ID is real.
    for (const outcome of outcomes.values()) summary[outcome.state === 'video' || outcome.state === 'audio' ? 'found' : outcome.state] += 1;
    done += chunk.length;
    options.onResolved?.(outcomes, { done, total: unique.length });
  };
  const reports: Promise<void>[] = [];
  const hold = service.holdVideoBatches();
  const worker = async (): Promise<void> => {
    while (next < unique.length && !signal?.aborted) {
      const chunk = unique.slice(next, next + chunkSize);
      next += chunk.length;
      const { imagesAnswered, settled } = startChunk(service, chunk, signal, hold);
      reports.push(settled.then((outcomes) => report(chunk, outcomes)));
      // Pacing: the next chunk waits for this one's image answers only; its videos may wait for more.
      await imagesAnswered;
    }
  };

  if (signal?.aborted) throw cancelled();
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, Math.ceil(unique.length / chunkSize)) }, worker));
  } finally {
    // Every ID has been asked for: the last partial video batch may leave.
    hold.dispose();
  }
  await Promise.all(reports);
  if (signal?.aborted) throw cancelled();
  return { ...summary };
}

interface StartedChunk {
  /** Every ID of the chunk has its image answer: settled, or passed on to the video step. */
  readonly imagesAnswered: Promise<void>;
  /** Every ID settled (a failed call fails only its own IDs). */
  readonly settled: Promise<Map<string, ResolveOutcome>>;
}

/**
 * One lookup per ID, all started in the same tick so the service batches them into the same calls,
 * then each settled on its own: a failed 20-ID call fails only its own IDs, while the chunk's
 * other calls still finish. The lookups share a chunk-level signal (one listener on the caller's).
 */
function startChunk(service: ResolvingService, chunk: readonly string[], signal: AbortSignal | undefined, hold: VideoBatchHold): StartedChunk {
  const controller = new AbortController();
  // One abort listener per lookup on our own signal is expected, not a leak.
  setMaxListeners(chunk.length + 1, controller.signal);
  const forward = (): void => controller.abort();
  signal?.addEventListener('abort', forward, { once: true });

  const passedOn = new Map<string, () => void>();
  const imageStages: Promise<void>[] = [];
  const lookups = chunk.map((imageId) => {
    imageStages.push(new Promise<void>((resolve) => passedOn.set(imageId, resolve)));
    const lookup = service.get(imageId, { signal: controller.signal, hold, onVideoStage: (id) => passedOn.get(id)?.() });
    lookup.then(passedOn.get(imageId), passedOn.get(imageId));
    return lookup;
  });
  const settled = Promise.allSettled(lookups).then((results) => {
    signal?.removeEventListener('abort', forward);
    return new Map(
      chunk.map((imageId, i): [string, ResolveOutcome] => {
        const result = results[i]!;
        return [imageId, result.status === 'fulfilled' ? result.value : { state: 'failed', imageId, error: result.reason as unknown }];
      }),
    );
  });
  return { imagesAnswered: Promise.all(imageStages).then(() => undefined), settled };
}

function cancelled(): VodError {
  return new VodError('cancelled', msg('cancel.resolve'));
}
