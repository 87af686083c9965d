/**
 * Turns a video/audio fixture into the JSON each action returns, field for field as the SDK models
 * name them (alibabacloud-typescript-sdk vod-20170321: GetVideoInfosResponseBodyVideoList,
 * GetPlayInfoResponseBodyPlayInfoListPlayInfo, GetPlayInfoResponseBodyVideoBase, SearchMedia's
 * Video/Audio). Covers and snapshots are image-library URLs, so they are served and expire like images.
 */
import { DEFAULT_VALIDITY_SEC, imageUrl, type UrlContext } from './imageRecord';
import { bucketOf, cdnUrl, ossUrl } from './signedUrls';
import type { StreamSpec, VideoRecord } from './videoFixtures';

/** Image URLs for covers/snapshots: GetVideoInfos takes no OutputType/AuthTimeout, so the defaults. */
function coverContext(context: UrlContext): UrlContext {
  return { ...context, outputType: 'cdn', authTimeoutSec: undefined };
}

function num(record: VideoRecord, value: number): number | string {
  return record.numbersAsStrings ? String(value) : value;
}

/**
 * GetVideoInfos' VideoList item (https://help.aliyun.com/zh/vod/api-getvideoinfos). The reference
 * lists no MediaType here, so none is sent (stricter reading): audio and video look alike.
 */
export function videoInfoJson(record: VideoRecord, context: UrlContext): Record<string, unknown> {
  const covers = coverContext(context);
  const out: Record<string, unknown> = {
    VideoId: record.videoId,
    Title: record.title,
    Status: record.status,
    Duration: num(record, record.duration),
    Size: num(record, record.size),
    CreationTime: record.creationTime,
    ModificationTime: record.modificationTime,
    StorageLocation: record.storageLocation,
    AppId: record.appId,
    StorageClass: 'Standard',
    DownloadSwitch: 'on',
  };
  if (record.description !== undefined) out['Description'] = record.description;
  if (record.tags !== undefined) out['Tags'] = record.tags;
  if (record.cateId !== undefined) {
    out['CateId'] = num(record, record.cateId);
    out['CateName'] = record.cateName;
  }
  const cover = record.cover ? imageUrl(record.cover, covers) : undefined;
  if (cover) out['CoverURL'] = cover;
  if (record.snapshots.length > 0) out['Snapshots'] = record.snapshots.flatMap((s) => imageUrl(s, covers) ?? []);
  return out;
}

/** GetPlayInfo's VideoBase (https://help.aliyun.com/zh/vod/api-getplayinfo): here MediaType IS documented. */
export function videoBaseJson(record: VideoRecord, context: UrlContext): Record<string, unknown> {
  const cover = record.cover ? imageUrl(record.cover, coverContext(context)) : undefined;
  return {
    VideoId: record.videoId,
    Title: record.title,
    Status: record.status,
    MediaType: record.mediaType,
    Duration: String(record.duration),
    CreationTime: record.creationTime,
    OutputType: context.outputType,
    ...(cover ? { CoverURL: cover } : {}),
  };
}

/** One PlayInfo. The SDK model types Width/Height/Bitrate/Size as strings or numbers depending on the SDK; send what the doc example shows. */
export function playInfoJson(record: VideoRecord, stream: StreamSpec, context: UrlContext, validitySec: number): Record<string, unknown> {
  const key = `${record.mediaType}/default/${record.videoId}/${stream.definition}.${stream.format}`;
  const expiresAt = context.nowSec + validitySec;
  const url = context.outputType === 'oss' ? ossUrl(context.base, bucketOf(record.storageLocation), key, expiresAt) : cdnUrl(context.base, key, expiresAt);
  const size = Math.round((stream.bitrate * 1000 * record.duration) / 8);
  return {
    PlayURL: url,
    Definition: stream.definition,
    Format: stream.format,
    StreamType: record.mediaType,
    Width: record.mediaType === 'audio' ? 0 : stream.width,
    Height: record.mediaType === 'audio' ? 0 : stream.height,
    Bitrate: String(stream.bitrate),
    Fps: String(stream.fps),
    Duration: String(record.duration),
    Size: size,
    Encrypt: 0,
    Status: 'Normal',
    CreationTime: record.creationTime,
    ModificationTime: record.modificationTime,
    JobId: `job-${record.videoId.slice(0, 8)}-${stream.definition}`,
  };
}

/** SearchMedia's Video / Audio record (https://help.aliyun.com/zh/vod/api-searchmedia). */
export function searchMediaJson(record: VideoRecord, context: UrlContext): Record<string, unknown> {
  const info = videoInfoJson(record, context);
  // SearchMedia names the audio ID AudioId (the SDK's SearchMediaResponseBodyMediaListAudio).
  if (record.mediaType === 'audio') {
    const { VideoId, ...rest } = info;
    return { AudioId: VideoId, ...rest };
  }
  return info;
}

export { DEFAULT_VALIDITY_SEC };
