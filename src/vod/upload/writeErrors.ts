/**
 * Errors of the write actions: a RAM refusal names the action the key lacks, with one sentence on
 * how to grant it (like media/videoErrors.ts for the video actions), and a batch that failed half
 * way says which images were already written.
 */
import { VodError, isVodError } from '../errors';
import { msg } from '../messages';

export type WriteAction = 'CreateUploadImage' | 'UpdateImageInfos' | 'DeleteImage';

/** A `Forbidden*` refusal becomes "may not call X; grant vod:X"; other errors pass through unchanged. */
export function nameWritePermission(error: unknown, action: WriteAction): unknown {
  if (!isVodError(error) || error.kind !== 'auth' || !error.code?.startsWith('Forbidden')) return error;
  return new VodError(
    'auth',
    msg('write.permission', { action }),
    { code: error.code, requestId: error.requestId, httpStatus: error.httpStatus },
  );
}

/**
 * A write over several calls (20 images each) that failed part way: `done` lists the images the
 * earlier calls already changed, `notDone` the rest. The message and kind are the failing call's.
 */
export class PartialWriteError extends VodError {
  constructor(
    cause: VodError,
    readonly done: readonly string[],
    readonly notDone: readonly string[],
  ) {
    super(cause.kind, done.length === 0 ? cause.text : msg('write.partial', { sentence: cause.text, done: done.length, total: done.length + notDone.length }), {
      code: cause.code,
      requestId: cause.requestId,
      httpStatus: cause.httpStatus,
      retryAfterMs: cause.retryAfterMs,
      cause,
    });
  }
}
