/**
 * Error rules for the audio/video actions (codes from https://help.aliyun.com/zh/vod/api-getplayinfo
 * and the VOD error-code list), and the permission sentence that names the action a key lacks.
 */
import { VodError, isVodError, type VodErrorKind } from '../errors';

export const MEDIA_ERROR_RULES: Readonly<Record<string, { readonly kind: VodErrorKind; readonly message: string }>> = {
  'InvalidVideo.NotFound': {
    kind: 'notFound',
    message: 'The audio/video does not exist in this region (VOD media are bound to the region they were uploaded to).',
  },
  'InvalidVideo.NoneStream': {
    kind: 'notFound',
    message: 'The audio/video has no play stream matching the request (it may not be transcoded yet, or not in that format/definition).',
  },
  // Starts with "Forbidden" but is no permission problem: only Normal assets can be played.
  'Forbidden.IllegalStatus': {
    kind: 'invalidInput',
    message: 'The audio/video cannot be played in its current status (only Normal assets can be played).',
  },
};

/**
 * A RAM refusal of a video action says which permission is missing, so a key that reads images but
 * not videos learns exactly what to grant. Other errors pass through unchanged.
 */
export function namePermission(error: unknown, action: 'GetVideoInfos' | 'GetPlayInfo' | 'SearchMedia'): unknown {
  if (!isVodError(error) || error.kind !== 'auth' || !error.code?.startsWith('Forbidden')) return error;
  return new VodError('auth', `This AccessKey may not call ${action}. Grant its RAM user vod:${action} to inspect audio and video.`, {
    code: error.code,
    requestId: error.requestId,
    httpStatus: error.httpStatus,
  });
}
