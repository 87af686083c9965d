/**
 * Errors of the write actions: a RAM refusal names the action the key lacks, with one sentence on
 * how to grant it (like media/videoErrors.ts for the video actions), and a batch that failed half
 * way says which images were already written.
 */
import { VodError, isVodError } from '../errors';

export type WriteAction = 'CreateUploadImage' | 'UpdateImageInfos' | 'DeleteImage';

const WHAT: Readonly<Record<WriteAction, string>> = {
  CreateUploadImage: 'upload images',
  UpdateImageInfos: 'edit image titles, descriptions, tags and categories',
  DeleteImage: 'delete images',
};

/** A `Forbidden*` refusal becomes "may not call X; grant vod:X"; other errors pass through unchanged. */
export function nameWritePermission(error: unknown, action: WriteAction): unknown {
  if (!isVodError(error) || error.kind !== 'auth' || !error.code?.startsWith('Forbidden')) return error;
  return new VodError(
    'auth',
    `This AccessKey may not call ${action}. To ${WHAT[action]}, add vod:${action} to a RAM policy attached to its RAM user (RAM console → Permissions).`,
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
    super(cause.kind, done.length === 0 ? cause.message : `${cause.message} (${done.length} of ${done.length + notDone.length} images were already changed.)`, {
      code: cause.code,
      requestId: cause.requestId,
      httpStatus: cause.httpStatus,
      retryAfterMs: cause.retryAfterMs,
      cause,
    });
  }
}
