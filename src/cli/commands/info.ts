/**
 * `vodimg info <ID...>`: what each ID is. One GetImageInfos pass (batched by the client), then one
 * GetVideoInfos pass for the IDs that are no image (audio comes back from it too), then one SearchMedia
 * audio lookup per 20 found assets, since GetVideoInfos does not say which are audio
 * (media/audioLookup.ts). Found assets go to stdout in the order asked, each with its Type; every
 * missing ID gets a line on stderr and makes the exit code 1. A key refused GetVideoInfos still gets
 * its images, and one stderr line saying why the rest could not be told apart; if the audio lookup
 * fails, the assets are printed as video and one stderr line says why.
 */
import type { VodApi } from '../../vod/api';
import { isVodError } from '../../vod/errors';
import { mediaKindOf, type MediaKind } from '../../vod/media/mediaLookup';
import type { VideoInfosResult } from '../../vod/media/videoApi';
import type { InfoCommand } from '../args';
import { formatAsset, type Asset } from '../format';
import type { CommandIo, ExitCode } from './io';

export async function runInfo(command: InfoCommand, api: VodApi, io: CommandIo): Promise<ExitCode> {
  const images = await api.getImageInfos(command.ids, {
    authTimeout: command.authTimeout,
    outputType: command.outputType,
    signal: io.signal,
  });
  const videos = await videoPass(api, images.missing, io);
  const audio = await audioPass(api, videos, io);
  const assets = new Map<string, { asset: Asset; raw: unknown }>();
  images.images.forEach((info, i) => assets.set(info.ImageId, { asset: { kind: 'image', info }, raw: { ...asObject(images.raw?.[i] ?? info), MediaType: 'image' } }));
  videos.videos.forEach((info, i) => {
    const kind: MediaKind = audio.has(info.VideoId) ? 'audio' : mediaKindOf(info);
    assets.set(info.VideoId, { asset: { kind, info }, raw: { ...asObject(videos.raw[i] ?? info), MediaType: kind } });
  });
  const ordered = [...new Set(command.ids)].flatMap((id) => assets.get(id) ?? []);

  if (command.json) {
    io.stdout(`${JSON.stringify(ordered.map((a) => a.raw), null, 2)}\n`);
  } else if (ordered.length > 0) {
    io.stdout(`${ordered.map((a) => formatAsset(a.asset, io.now())).join('\n\n')}\n`);
  }
  for (const id of videos.missing) io.stderr(`vodimg: not found: ${id}`);
  return videos.missing.length === 0 ? 0 : 1;
}

/** GetVideoInfos for the non-images; a permission refusal is said once and the IDs stay missing. */
async function videoPass(api: VodApi, ids: readonly string[], io: CommandIo): Promise<VideoInfosResult> {
  if (ids.length === 0) return { videos: [], raw: [], missing: [], requestIds: [] };
  try {
    return await api.getVideoInfos(ids, { signal: io.signal });
  } catch (error) {
    if (!isVodError(error) || error.kind !== 'auth') throw error;
    io.stderr(`vodimg: could not check for audio/video: ${error.message}`);
    return { videos: [], raw: [], missing: [...ids], requestIds: [] };
  }
}

/** The audio among assets whose record does not say its kind; on failure, one stderr line and none. */
async function audioPass(api: VodApi, videos: VideoInfosResult, io: CommandIo): Promise<ReadonlySet<string>> {
  const unlabelled = videos.videos.filter((info) => info.MediaType === undefined).map((info) => info.VideoId);
  if (unlabelled.length === 0) return new Set();
  try {
    return await api.audioIdsAmong(unlabelled, { signal: io.signal });
  } catch (error) {
    if (!isVodError(error) || error.kind === 'cancelled') throw error;
    io.stderr(`vodimg: could not tell audio from video: ${error.message}`);
    return new Set();
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
