/** The audio/video operations' shapes (API 2017-03-21), beside the image ones in ../api.ts. */
import type { CallOptions, OutputType } from '../api';
import type { PlayInfo, VideoBase, VideoInfo } from './videoSchemas';

/** GetVideoInfos accepts at most 20 IDs per call (https://help.aliyun.com/zh/vod/api-getvideoinfos). */
export const MAX_VIDEO_IDS_PER_CALL = 20;

export interface VideoInfosResult {
  /** Found audio/video assets, in the order their IDs were asked for. */
  readonly videos: VideoInfo[];
  /** The same records as sent (numbers not coerced), for faithful output such as `vodimg info --json`. */
  readonly raw: readonly unknown[];
  /** IDs in `NonExistVideoIds` or in no list at all. */
  readonly missing: string[];
  readonly requestIds: string[];
}

/** GetPlayInfo's `Formats` values (https://help.aliyun.com/zh/vod/api-getplayinfo). */
export type PlayFormat = 'mp4' | 'm3u8' | 'mp3' | 'flv' | 'mpd';

export interface PlayInfoOptions extends CallOptions {
  /** Validity of the play URLs in seconds (`AuthTimeout`). */
  readonly authTimeout?: number | undefined;
  readonly outputType?: OutputType | undefined;
  readonly formats?: readonly PlayFormat[] | undefined;
  /** e.g. 'LD', 'SD', 'HD', 'FHD', 'OD' (`Definition`, comma-joined). */
  readonly definitions?: readonly string[] | undefined;
}

export interface PlayInfoResult {
  readonly streams: PlayInfo[];
  readonly base: VideoBase | undefined;
  readonly requestId: string | undefined;
}

export interface VideoApi {
  getVideoInfos(videoIds: readonly string[], options?: CallOptions): Promise<VideoInfosResult>;
  /** Which of these audio/video IDs are audio (GetVideoInfos does not say): SearchMedia, one call per 20. */
  audioIdsAmong(mediaIds: readonly string[], options?: CallOptions): Promise<ReadonlySet<string>>;
  getPlayInfo(videoId: string, options?: PlayInfoOptions): Promise<PlayInfoResult>;
}
