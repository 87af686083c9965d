/**
 * zod schemas for the audio/video answers: GetVideoInfos and GetPlayInfo (API 2017-03-21), shaped
 * after the SDK models (GetVideoInfosResponseBodyVideoList, GetPlayInfoResponseBodyPlayInfoListPlayInfo,
 * GetPlayInfoResponseBodyVideoBase) and as tolerant as the image schemas: unknown fields kept, numbers
 * as strings coerced (the Go SDK types Duration/Width/Bitrate as strings), lists plain or wrapped.
 * Built on first use, like the image schemas, so activation does not pay for them.
 */
import * as z from 'zod/mini';
import { schemaParts } from '../schemas';

function buildVideoSchemas() {
  const { numberLike, stringLike, listOf } = schemaParts();

  const VideoInfoSchema = z.looseObject({
    VideoId: z.string(),
    Title: z.optional(z.string()),
    Description: z.optional(z.string()),
    /** Seconds, a float. */
    Duration: z.optional(numberLike),
    /** Bytes of the source file. */
    Size: z.optional(numberLike),
    CoverURL: z.optional(z.string()),
    Status: z.optional(z.string()),
    CreationTime: z.optional(z.string()),
    ModificationTime: z.optional(z.string()),
    CateId: z.optional(numberLike),
    CateName: z.optional(z.string()),
    Tags: z.optional(z.string()),
    StorageLocation: z.optional(z.string()),
    StorageClass: z.optional(z.string()),
    AppId: z.optional(z.string()),
    Snapshots: z.optional(listOf(z.string(), 'Snapshot')),
    /** Not in GetVideoInfos' reference; read when a server sends it (SearchMedia and GetPlayInfo do). */
    MediaType: z.optional(z.string()),
  });

  const GetVideoInfosResponseSchema = z.looseObject({
    RequestId: z.optional(z.string()),
    VideoList: z.optional(listOf(VideoInfoSchema, 'Video')),
    NonExistVideoIds: z.optional(listOf(stringLike, 'VideoId')),
  });

  const PlayInfoSchema = z.looseObject({
    PlayURL: z.string(),
    Definition: z.optional(z.string()),
    Format: z.optional(z.string()),
    StreamType: z.optional(z.string()),
    Width: z.optional(numberLike),
    Height: z.optional(numberLike),
    /** kbps */
    Bitrate: z.optional(numberLike),
    Fps: z.optional(z.union([numberLike, z.string()])),
    Duration: z.optional(numberLike),
    Size: z.optional(numberLike),
    Status: z.optional(z.string()),
  });

  const VideoBaseSchema = z.looseObject({
    VideoId: z.optional(z.string()),
    Title: z.optional(z.string()),
    CoverURL: z.optional(z.string()),
    Duration: z.optional(numberLike),
    Status: z.optional(z.string()),
    MediaType: z.optional(z.string()),
    CreationTime: z.optional(z.string()),
    OutputType: z.optional(z.string()),
  });

  const GetPlayInfoResponseSchema = z.looseObject({
    RequestId: z.optional(z.string()),
    VideoBase: z.optional(VideoBaseSchema),
    PlayInfoList: z.optional(listOf(PlayInfoSchema, 'PlayInfo')),
  });

  return { VideoInfoSchema, GetVideoInfosResponseSchema, PlayInfoSchema, VideoBaseSchema, GetPlayInfoResponseSchema };
}

type VideoSchemas = ReturnType<typeof buildVideoSchemas>;
let built: VideoSchemas | undefined;

/** The built schemas (first call builds them). */
export function videoSchemas(): VideoSchemas {
  return (built ??= buildVideoSchemas());
}

export type VideoInfo = z.output<VideoSchemas['VideoInfoSchema']>;
export type PlayInfo = z.output<VideoSchemas['PlayInfoSchema']>;
export type VideoBase = z.output<VideoSchemas['VideoBaseSchema']>;
