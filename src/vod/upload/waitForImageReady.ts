/**
 * After the PUT, VOD's image service takes a moment: the image is `Uploading`, then `Normal`, or
 * `UploadFail` when the bytes were no usable image (GetImageInfo reference, Status values). This polls
 * GetImageInfo until one of the two. A NotFound right after the upload is polled through too (the
 * record may not be visible everywhere at once); it only counts at the deadline.
 */
import type { VodApi } from '../api';
import { VodError, isVodError } from '../errors';
import { abortableSleep, type Sleep } from '../retry';
import type { ImageInfo } from '../schemas';

export interface WaitForImageReadyOptions {
  readonly signal?: AbortSignal | undefined;
  /** Between two GetImageInfo calls; default 1,000 ms. */
  readonly pollMs?: number | undefined;
  /** Give up after this long; default 120,000 ms. */
  readonly timeoutMs?: number | undefined;
  readonly sleep?: Sleep | undefined;
}

export interface ReadyImage {
  readonly status: 'Normal' | 'UploadFail';
  readonly info: ImageInfo;
}

export async function waitForImageReady(api: Pick<VodApi, 'getImageInfo'>, imageId: string, options: WaitForImageReadyOptions = {}): Promise<ReadyImage> {
  const pollMs = Math.max(50, options.pollMs ?? 1000);
  const deadline = performance.now() + (options.timeoutMs ?? 120_000);
  const sleep = options.sleep ?? abortableSleep;
  for (;;) {
    let last: VodError | undefined;
    try {
      const info = await api.getImageInfo(imageId, { signal: options.signal });
      if (info.Status === 'Normal' || info.Status === 'UploadFail') return { status: info.Status, info };
    } catch (error) {
      if (!isVodError(error) || error.kind !== 'notFound') throw error;
      last = error;
    }
    if (performance.now() + pollMs > deadline) {
      throw last ?? new VodError('timeout', `Image ${imageId} was still being processed when the wait ended.`, { code: 'StillUploading' });
    }
    await sleep(pollMs, options.signal);
  }
}
