/**
 * The emulator's audio/video library, beside the image library (fixtures.ts) and generated the same
 * way: deterministic IDs (md5 of a slug, a different namespace from images so the two never collide),
 * fixed titles and times.
 *
 * - ~30 curated assets: ≥ 20 videos and ≥ 5 audio files, every documented Status (incl. the failures
 *   UploadFail, TranscodeFail, ProduceFail and Blocked), hostile/unicode strings, numbers as strings,
 *   a multi-hour duration, an asset without cover or category.
 * - 2,000 'bulk' videos (for the benchmark: 5,000 IDs of which 2,000 are videos).
 *
 * Covers and snapshots point at images of the image library, so they are served (and signed, and
 * expire) exactly like image URLs.
 *
 * Traits: 'video' | 'audio'; status traits 'uploading','uploadFail','uploadSucc','transcoding',
 * 'transcodeFail','produceFail','checking','blocked' (others are Normal); 'plain' (Normal, harmless,
 * has streams); 'hostile', 'unicode', 'numbersAsStrings', 'long', 'noCover', 'uncategorized', 'bulk'.
 */
import { createHash } from 'node:crypto';
import { getLibrary, STORAGE_LOCATIONS, type FixtureRecord } from './fixtures';

/** GetVideoInfos' Status values (https://help.aliyun.com/zh/vod/api-getvideoinfos, VideoList.Status). */
export type VideoStatus =
  | 'Uploading'
  | 'UploadFail'
  | 'UploadSucc'
  | 'Transcoding'
  | 'TranscodeFail'
  | 'ProduceFail'
  | 'Checking'
  | 'Blocked'
  | 'Normal';

export type MediaType = 'video' | 'audio';

/** One transcoded stream as GetPlayInfo lists it (PlayInfoList.PlayInfo[]). */
export interface StreamSpec {
  definition: 'LD' | 'SD' | 'HD' | 'FHD' | 'OD' | 'SQ' | 'HQ';
  format: 'mp4' | 'm3u8' | 'mp3';
  width: number;
  height: number;
  /** kbps */
  bitrate: number;
  fps: number;
}

export interface VideoRecord {
  videoId: string;
  mediaType: MediaType;
  traits: string[];
  title: string;
  description?: string;
  tags?: string;
  cateId?: number;
  cateName?: string;
  status: VideoStatus;
  /** Seconds (a float in the SDK model). */
  duration: number;
  /** Bytes of the source file. */
  size: number;
  creationTime: string;
  modificationTime: string;
  appId: string;
  storageLocation: string;
  /** The image whose URL is the cover; undefined = no cover (audio, failed uploads). */
  cover: FixtureRecord | undefined;
  snapshots: readonly FixtureRecord[];
  streams: readonly StreamSpec[];
  numbersAsStrings: boolean;
}

export const BULK_VIDEO_COUNT = 2000;

const CATEGORIES = { tutorials: [2000001, 'Tutorials'], podcasts: [2000002, 'Podcasts'], hostile: [1000006, '<img src=x onerror=alert(1)> **bold** [x](command:y)'] } as const;
type CateKey = keyof typeof CATEGORIES;

const VIDEO_STREAMS: readonly StreamSpec[] = [
  { definition: 'LD', format: 'mp4', width: 640, height: 360, bitrate: 450, fps: 25 },
  { definition: 'SD', format: 'mp4', width: 960, height: 540, bitrate: 900, fps: 25 },
  { definition: 'HD', format: 'm3u8', width: 1280, height: 720, bitrate: 1800, fps: 30 },
  { definition: 'FHD', format: 'm3u8', width: 1920, height: 1080, bitrate: 3500, fps: 30 },
];
const AUDIO_STREAMS: readonly StreamSpec[] = [
  { definition: 'SQ', format: 'mp3', width: 0, height: 0, bitrate: 128, fps: 0 },
  { definition: 'HQ', format: 'mp4', width: 0, height: 0, bitrate: 256, fps: 0 },
];

interface Spec {
  slug: string;
  title: string;
  media?: MediaType;
  status?: VideoStatus;
  description?: string;
  tags?: string;
  cate?: CateKey | null;
  duration?: number;
  traits?: string[];
  noCover?: boolean;
  numbersAsStrings?: boolean;
}

const SPECS: readonly Spec[] = [
  { slug: 'intro', title: 'Product intro (90 s)', tags: 'intro,product', duration: 90.5, traits: ['plain'] },
  { slug: 'unboxing', title: 'Unboxing the red sneaker', tags: 'product,shoes', duration: 312.04, traits: ['plain'] },
  { slug: 'tutorial-1', title: 'Tutorial 1: getting started', tags: 'tutorial', duration: 754, traits: ['plain'] },
  { slug: 'tutorial-2', title: 'Tutorial 2: uploads', tags: 'tutorial', duration: 1203.2, traits: ['plain'] },
  { slug: 'keynote', title: 'Keynote, full length', tags: 'event,keynote', duration: 3 * 3600 + 25 * 60 + 7, traits: ['plain', 'long'] },
  { slug: 'teaser', title: 'Teaser', duration: 15, traits: ['plain'] },
  { slug: 'webinar', title: 'Webinar recording', duration: 3600, traits: ['plain'] },
  { slug: 'customer-story', title: 'Customer story: a bakery', tags: 'story', duration: 245.9, traits: ['plain'] },
  { slug: 'behind-scenes', title: 'Behind the scenes', duration: 421, traits: ['plain'] },
  { slug: 'how-to-pack', title: 'How to pack a bag', tags: 'how-to', duration: 188, traits: ['plain'] },
  { slug: 'uploading', title: 'upload in progress.mp4', status: 'Uploading', duration: 0, noCover: true },
  { slug: 'upload-fail', title: 'Broken upload.mov', status: 'UploadFail', duration: 0, noCover: true },
  { slug: 'upload-succ', title: 'Uploaded, not yet transcoded', status: 'UploadSucc', duration: 61 },
  { slug: 'transcoding', title: 'Transcoding now', status: 'Transcoding', duration: 95 },
  { slug: 'transcode-fail', title: 'Transcode failed', status: 'TranscodeFail', duration: 33 },
  { slug: 'produce-fail', title: 'Editing job failed', status: 'ProduceFail', duration: 0, noCover: true },
  { slug: 'checking', title: 'Awaiting review', status: 'Checking', duration: 120 },
  { slug: 'blocked', title: 'Flagged video', description: 'This video failed content review.', status: 'Blocked', duration: 47 },
  {
    slug: 'xss',
    title: '<img src=x onerror=alert(1)> [Open](command:workbench.action.terminal.new)',
    description: '<script>alert(document.cookie)</script> ![t](https://evil.example/p.png)',
    tags: '<b>x</b>,](javascript:alert(1))',
    cate: 'hostile',
    duration: 12,
    traits: ['hostile'],
  },
  { slug: 'bidi', title: 'clip\u202E4pm.exe', description: 'zero\u200Bwidth', duration: 9, traits: ['hostile', 'unicode'] },
  { slug: 'cjk', title: '春节晚会 — 精彩片段 🎉', tags: '春节,晚会', duration: 600, traits: ['unicode'] },
  { slug: 'numbers-as-strings', title: 'Numbers as strings', duration: 77.7, numbersAsStrings: true, traits: ['numbersAsStrings'] },
  { slug: 'uncategorized', title: 'Not in any category', cate: null, duration: 30, traits: ['uncategorized'] },
  { slug: 'no-cover', title: 'Video without a cover', duration: 42, noCover: true, traits: ['noCover'] },
  { slug: 'ep-1', title: 'Podcast episode 1', media: 'audio', cate: 'podcasts', duration: 1835, noCover: true, traits: ['plain'] },
  { slug: 'ep-2', title: 'Podcast episode 2', media: 'audio', cate: 'podcasts', duration: 2410.5, noCover: true, traits: ['plain'] },
  { slug: 'jingle', title: 'Jingle', media: 'audio', cate: 'podcasts', duration: 7.3, traits: ['plain'] },
  { slug: 'audio-upload-fail', title: 'Broken audio upload.wav', media: 'audio', status: 'UploadFail', duration: 0, noCover: true },
  { slug: 'audio-hostile', title: '**loud** <audio src=x onerror=alert(1)>', media: 'audio', cate: 'hostile', duration: 5, noCover: true, traits: ['hostile'] },
  { slug: 'audio-transcoding', title: 'Audio being transcoded', media: 'audio', status: 'Transcoding', duration: 300, noCover: true },
];

/** A video or audio ID: md5 of a slug in the emulator's media namespace. */
export function videoIdFor(slug: string): string {
  return createHash('md5').update(`vod-media-emulator:${slug}`).digest('hex');
}

const STATUS_TRAIT: Record<VideoStatus, string | undefined> = {
  Uploading: 'uploading',
  UploadFail: 'uploadFail',
  UploadSucc: 'uploadSucc',
  Transcoding: 'transcoding',
  TranscodeFail: 'transcodeFail',
  ProduceFail: 'produceFail',
  Checking: 'checking',
  Blocked: 'blocked',
  Normal: undefined,
};

/** Streams exist once transcoding has produced them (Normal, Checking, Blocked keep theirs). */
function streamsFor(media: MediaType, status: VideoStatus): readonly StreamSpec[] {
  if (status !== 'Normal' && status !== 'Checking' && status !== 'Blocked') return [];
  return media === 'audio' ? AUDIO_STREAMS : VIDEO_STREAMS;
}

function fromSpec(spec: Spec, index: number, covers: readonly FixtureRecord[]): VideoRecord {
  const media = spec.media ?? 'video';
  const status = spec.status ?? 'Normal';
  const created = Date.parse('2024-02-01T09:00:00Z') + index * 7 * 86_400_000;
  const cate = spec.cate === null ? undefined : CATEGORIES[spec.cate ?? 'tutorials'];
  const cover = spec.noCover ? undefined : covers[index % covers.length];
  const statusTrait = STATUS_TRAIT[status];
  const duration = spec.duration ?? 60;
  return {
    videoId: videoIdFor(spec.slug),
    mediaType: media,
    traits: [media, ...(statusTrait ? [statusTrait] : []), ...(spec.traits ?? [])],
    title: spec.title,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    ...(spec.tags !== undefined ? { tags: spec.tags } : {}),
    ...(cate ? { cateId: cate[0], cateName: cate[1] } : {}),
    status,
    duration,
    size: Math.round(duration * (media === 'audio' ? 16_000 : 250_000)) + 1024,
    creationTime: iso(created),
    modificationTime: iso(created + 3_600_000),
    appId: 'app-1000000',
    storageLocation: STORAGE_LOCATIONS[0],
    cover,
    snapshots: cover && media === 'video' && status === 'Normal' ? covers.slice(0, 3) : [],
    streams: streamsFor(media, status),
    numbersAsStrings: spec.numbersAsStrings ?? false,
  };
}

function bulkRecord(n: number, cover: FixtureRecord | undefined): VideoRecord {
  const created = Date.parse('2022-01-01T00:00:00Z') + n * 3_600_000;
  return {
    videoId: videoIdFor(`bulk-${n}`),
    mediaType: 'video',
    traits: ['video', 'bulk'],
    title: `Bulk video ${n + 1}`,
    cateId: CATEGORIES.tutorials[0],
    cateName: CATEGORIES.tutorials[1],
    status: 'Normal',
    duration: 60 + (n % 600),
    size: 1_000_000 + n,
    creationTime: iso(created),
    modificationTime: iso(created),
    appId: 'app-1000000',
    storageLocation: STORAGE_LOCATIONS[0],
    cover,
    snapshots: [],
    streams: VIDEO_STREAMS.slice(0, 2),
    numbersAsStrings: false,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface VideoLibrary {
  /** Curated first, then bulk. */
  readonly videos: readonly VideoRecord[];
  readonly byId: ReadonlyMap<string, VideoRecord>;
}

let library: VideoLibrary | undefined;

/** Built once per process from the image library (covers); records are never mutated. */
export function getVideoLibrary(): VideoLibrary {
  if (!library) {
    // Covers are ordinary, served images: Normal, complete, harmless.
    const covers = getLibrary().images.filter((r) => r.traits.includes('plain') || r.traits.includes('cover'));
    const curated = SPECS.map((spec, i) => fromSpec(spec, i, covers));
    const bulk = Array.from({ length: BULK_VIDEO_COUNT }, (_, n) => bulkRecord(n, covers[n % covers.length]));
    const videos = [...curated, ...bulk];
    library = { videos, byId: new Map(videos.map((r) => [r.videoId, r])) };
  }
  return library;
}

/** The shape `GET /__emulator/info` and `RunningEmulator.videos` describe a curated asset with. */
export interface FixtureVideo {
  videoId: string;
  mediaType: MediaType;
  title: string;
  status: VideoStatus;
  traits: string[];
}

export function toFixtureVideo(record: VideoRecord): FixtureVideo {
  return { videoId: record.videoId, mediaType: record.mediaType, title: record.title, status: record.status, traits: [...record.traits] };
}
