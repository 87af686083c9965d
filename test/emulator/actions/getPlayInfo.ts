import { apiErrors } from '../apiError';
import { videoErrors } from '../videoErrors';
import { getVideoLibrary, type StreamSpec } from '../videoFixtures';
import { DEFAULT_VALIDITY_SEC, playInfoJson, videoBaseJson } from '../videoRecord';
import type { ActionHandler } from './context';
import { requiredParam, urlContext } from './params';

/** Formats / Definition / StreamType values the reference lists (https://help.aliyun.com/zh/vod/api-getplayinfo). */
const FORMATS = new Set(['mp4', 'm3u8', 'mp3', 'flv', 'mpd']);
const DEFINITIONS = new Set(['FD', 'LD', 'SD', 'HD', 'OD', '2K', '4K', 'SQ', 'HQ', 'AUTO']);
const STREAM_TYPES = new Set(['video', 'audio']);

/**
 * GetPlayInfo (https://help.aliyun.com/zh/vod/api-getplayinfo): one `VideoId`; optional `Formats`,
 * `Definition`, `StreamType` (comma lists, filters), `OutputType` (cdn|oss) and `AuthTimeout` (seconds,
 * same bounds as image URLs: ≥ 1, ≤ 30 days for oss). Answers `PlayInfoList.PlayInfo[]` (wrapped, as
 * the reference's example) and `VideoBase` (with MediaType).
 * Only Normal assets can be played (the page's 接口说明) → Forbidden.IllegalStatus otherwise;
 * no matching stream → InvalidVideo.NoneStream; unknown ID → InvalidVideo.NotFound.
 */
export const getPlayInfo: ActionHandler = (context) => {
  const { params } = context;
  const videoId = requiredParam(params, 'VideoId');
  const formats = listParam(params, 'Formats', FORMATS);
  const definitions = listParam(params, 'Definition', DEFINITIONS);
  const streamTypes = listParam(params, 'StreamType', STREAM_TYPES);
  const urls = urlContext(context);
  const record = getVideoLibrary().byId.get(videoId);
  if (!record) throw videoErrors.notFound();
  if (record.status !== 'Normal') throw videoErrors.illegalStatus();
  const wanted = (s: StreamSpec): boolean =>
    (!formats || formats.has(s.format)) && (!definitions || definitions.has(s.definition)) && (!streamTypes || streamTypes.has(record.mediaType));
  const streams = record.streams.filter(wanted);
  if (streams.length === 0) throw videoErrors.noneStream();
  const validity = urls.authTimeoutSec ?? DEFAULT_VALIDITY_SEC;
  return {
    VideoBase: videoBaseJson(record, urls),
    PlayInfoList: { PlayInfo: streams.map((s) => playInfoJson(record, s, urls, validity)) },
  };
};

function listParam(params: Readonly<Record<string, string>>, name: string, allowed: ReadonlySet<string>): Set<string> | undefined {
  const raw = params[name];
  if (raw === undefined || raw === '') return undefined;
  const values = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const value of values) if (!allowed.has(value)) throw apiErrors.invalidParameter(name, `Valid values: ${[...allowed].join(', ')}.`);
  return new Set(values);
}
