/**
 * Error rules for the audio/video actions (codes from https://help.aliyun.com/zh/vod/api-getplayinfo
 * and the VOD error-code list), and the permission sentence that names the action a key lacks.
 */
import { VodError, isVodError, type VodErrorKind } from '../errors';
import { msg, type NoParamKey } from '../messages';

export const MEDIA_ERROR_RULES: Readonly<Record<string, { readonly kind: VodErrorKind; readonly message: NoParamKey }>> = {
  'InvalidVideo.NotFound': { kind: 'notFound', message: 'api.videoNotFound' },
  'InvalidVideo.NoneStream': { kind: 'notFound', message: 'api.noStream' },
  // Starts with "Forbidden" but is no permission problem: only Normal assets can be played.
  'Forbidden.IllegalStatus': { kind: 'invalidInput', message: 'api.illegalStatus' },
};

/**
 * A RAM refusal of a video action says which permission is missing, so a key that reads images but
 * not videos learns exactly what to grant. Other errors pass through unchanged.
 */
export function namePermission(error: unknown, action: 'GetVideoInfos' | 'GetPlayInfo' | 'SearchMedia'): unknown {
  if (!isVodError(error) || error.kind !== 'auth' || !error.code?.startsWith('Forbidden')) return error;
  return new VodError('auth', msg('api.mediaPermission', { action }), {
    code: error.code,
    requestId: error.requestId,
    httpStatus: error.httpStatus,
  });
}
