/**
 * The audio/video error codes, as the VOD error-code reference spells them
 * (https://api.aliyun.com/document/vod/2017-03-21/errorCode; GetPlayInfo's own page lists the same).
 */
import { ApiError } from './apiError';

export const videoErrors = {
  /** GetPlayInfo for an ID that is no audio/video. */
  notFound: () => new ApiError(404, 'InvalidVideo.NotFound', 'The video does not exist.'),
  /** GetPlayInfo for an asset whose Status is not Normal ("only Normal videos can be played"). */
  illegalStatus: () => new ApiError(400, 'Forbidden.IllegalStatus', 'Status of the video is illegal.'),
  /** GetPlayInfo when no stream matches Formats/Definition/StreamType (or none was transcoded). */
  noneStream: () => new ApiError(404, 'InvalidVideo.NoneStream', 'The video has no stream that meets the conditions.'),
} as const;

/** Actions a key with image-only RAM permissions is refused (the emulator's `imagesOnlyCredentials`). */
export const VIDEO_ACTIONS: ReadonlySet<string> = new Set(['GetVideoInfos', 'GetPlayInfo']);
