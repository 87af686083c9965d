/**
 * What the hover shows for one ID, decided without the editor: the lookup (cached, or fetched with
 * the hover's cancellation), the thumbnail, and how failures read. Pure (no `vscode`), unit-tested
 * with a real ImageService over a fake API.
 */
import { isVodError, type VodError } from '../../vod/errors';
import type { ImageService, Lookup } from '../../vod/imageService';
import type { HoverLookup, HoverThumbnail } from '../../vod/render/hoverMarkdown';
import type { HoverThumbnails } from './thumbnails';

export interface HoverParts {
  readonly lookup: HoverLookup;
  readonly thumbnail?: HoverThumbnail | undefined;
}

export interface HoverPartsDeps {
  /** Rejects with VodError `noCredentials` when signed out. */
  readonly images: () => Promise<Pick<ImageService, 'peek' | 'get'>>;
  readonly thumbnails: HoverThumbnails;
  /** For failures that are not VodErrors (whose messages are not built to be shown). */
  readonly logError: (line: string) => void;
  readonly unexpectedErrorLabel: string;
  /** A VodError as the user reads it (the editor passes `localizeErrorLine`); English `toLine()` by default. */
  readonly describeError?: ((error: VodError) => string) | undefined;
}

export interface HoverRequest {
  readonly imageId: string;
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
}

/** Undefined when the hover was cancelled: nothing should be shown then. */
export async function hoverParts(deps: HoverPartsDeps, request: HoverRequest): Promise<HoverParts | undefined> {
  try {
    const images = await deps.images();
    const lookup = images.peek(request.imageId) ?? (await images.get(request.imageId, { signal: request.signal }));
    const thumbnail = await thumbnailFor(deps.thumbnails, lookup, request);
    return request.signal.aborted ? undefined : { lookup, thumbnail };
  } catch (error) {
    return failure(deps, error);
  }
}

async function thumbnailFor(thumbnails: HoverThumbnails, lookup: Lookup, request: HoverRequest): Promise<HoverThumbnail | undefined> {
  if (lookup.state === 'missing') return undefined;
  // A video's or audio's cover is an image URL: same fetch path, same size limit, same cache (by ID).
  const source = lookup.state === 'found' ? lookup.info : { ImageId: lookup.info.VideoId, URL: lookup.info.CoverURL };
  return thumbnails.peek(source.ImageId) ?? (await thumbnails.get(source, { signal: request.signal, timeoutMs: request.timeoutMs }));
}

function failure(deps: HoverPartsDeps, error: unknown): HoverParts | undefined {
  if (isVodError(error) && error.kind === 'cancelled') return undefined;
  if (isVodError(error) && error.kind === 'noCredentials') return { lookup: { state: 'signedOut' } };
  if (isVodError(error)) return { lookup: { state: 'error', message: deps.describeError?.(error) ?? error.toLine() } };
  deps.logError(`hover: ${error instanceof Error ? error.message : String(error)}`);
  return { lookup: { state: 'error', message: deps.unexpectedErrorLabel } };
}
