/**
 * Resolves many IDs (the workspace's, the selection's) progressively through the shared
 * ImageService: chunk by chunk, so the tree fills in as answers arrive, and never one API call per
 * ID. A chunk's lookups are made in one tick, which the service batches into ⌈uncached/20⌉
 * GetImageInfos calls; chunks are multiples of 20 so that, for N uncached IDs, the total is ⌈N/20⌉
 * calls. The client's rate limiter keeps them within the API's 10 calls/s.
 *
 * A failed call fails only the IDs it carried: they are reported as failed, with the error, and
 * the rest carry on.
 */
import { setMaxListeners } from 'node:events';
import { VodError } from '../errors';
import { msg } from '../messages';
import type { ImageService, Lookup } from '../imageService';

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

export async function resolveProgressively(
  service: Pick<ImageService, 'get'>,
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

  const resolveChunk = async (chunk: readonly string[]): Promise<void> => {
    const outcomes = await settleChunk(service, chunk, signal);
    // Aborted: the chunk's lookups were cancelled; nothing to report.
    if (signal?.aborted) return;
    // Audio and video count as found: the ID is real.
    for (const outcome of outcomes.values()) summary[outcome.state === 'video' || outcome.state === 'audio' ? 'found' : outcome.state] += 1;
    done += chunk.length;
    options.onResolved?.(outcomes, { done, total: unique.length });
  };
  const worker = async (): Promise<void> => {
    while (next < unique.length && !signal?.aborted) {
      const chunk = unique.slice(next, next + chunkSize);
      next += chunk.length;
      await resolveChunk(chunk);
    }
  };

  if (signal?.aborted) throw cancelled();
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.ceil(unique.length / chunkSize)) }, worker));
  if (signal?.aborted) throw cancelled();
  return { ...summary };
}

/**
 * One lookup per ID, all started in the same tick so the service batches them into the same calls,
 * then each settled on its own: a failed 20-ID call fails only its own IDs, while the chunk's
 * other calls still finish. The lookups share a chunk-level signal (one listener on the caller's).
 */
async function settleChunk(
  service: Pick<ImageService, 'get'>,
  chunk: readonly string[],
  signal: AbortSignal | undefined,
): Promise<Map<string, ResolveOutcome>> {
  const controller = new AbortController();
  // One abort listener per lookup on our own signal is expected, not a leak.
  setMaxListeners(chunk.length + 1, controller.signal);
  const forward = (): void => controller.abort();
  signal?.addEventListener('abort', forward, { once: true });
  try {
    const settled = await Promise.allSettled(chunk.map((imageId) => service.get(imageId, { signal: controller.signal })));
    return new Map(
      chunk.map((imageId, i): [string, ResolveOutcome] => {
        const result = settled[i]!;
        return [imageId, result.status === 'fulfilled' ? result.value : { state: 'failed', imageId, error: result.reason as unknown }];
      }),
    );
  } finally {
    signal?.removeEventListener('abort', forward);
  }
}

function cancelled(): VodError {
  return new VodError('cancelled', msg('cancel.resolve'));
}
