/**
 * `vodImages.copyPlayUrl`: the play URL of a video or audio asset (GetPlayInfo), with the same
 * expiry choices as "Copy Signed URL". Several streams → the user picks one (definition, format,
 * size, bitrate); automation gets the best one, or the one named by `definition`.
 * The URL goes only to the clipboard: never to a log, a notification or the return value.
 *
 * Automation: `(id | treeItem, { expiresIn?, outputType?, definition? })`.
 */
import * as vscode from 'vscode';
import { checkExpiryBounds } from '../../vod/duration';
import { VodError } from '../../vod/errors';
import { msg } from '../../vod/messages';
import { describeStream, rankStreams } from '../../vod/media/playStreams';
import type { PlayFormat } from '../../vod/media/videoApi';
import type { PlayInfo } from '../../vod/media/videoSchemas';
import { parseSignedUrlExpiry } from '../../vod/signedUrlExpiry';
import type { Services } from '../services';
import { pickImageId } from '../lookup/pickImageIds';
import { reportError } from '../lookup/reportError';
import { formatLocalTime } from './copyFormat';
import { choose } from './copySignedUrl';

export interface PlayUrlCopied {
  readonly videoId: string;
  readonly definition: string | undefined;
  readonly format: string | undefined;
  readonly expiresAt: string;
}

const FORMATS: readonly PlayFormat[] = ['mp4', 'm3u8', 'mp3', 'flv', 'mpd'];

/** Splits the automation options: `definition` and `format` here, the rest checked by the signed-URL parser. */
function splitOptions(raw: unknown): { definition: string | undefined; format: PlayFormat | undefined; rest: unknown } {
  if (typeof raw !== 'object' || raw === null || (!('definition' in raw) && !('format' in raw))) return { definition: undefined, format: undefined, rest: raw };
  const { definition, format, ...rest } = raw as { definition?: unknown; format?: unknown };
  if (definition !== undefined && (typeof definition !== 'string' || !/^[A-Za-z0-9]{1,8}$/.test(definition))) {
    throw new VodError('invalidInput', msg('command.badDefinition'));
  }
  if (format !== undefined && !FORMATS.includes(format as PlayFormat)) {
    throw new VodError('invalidInput', msg('command.badFormat', { formats: FORMATS.join(', ') }));
  }
  return { definition: definition as string | undefined, format: format as PlayFormat | undefined, rest };
}

async function pickStream(streams: readonly PlayInfo[], ask: boolean): Promise<PlayInfo | undefined> {
  const ranked = rankStreams(streams);
  if (!ask || ranked.length <= 1) return ranked[0];
  const items = ranked.map((stream) => ({ label: describeStream(stream), stream }));
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Which stream?') }))?.stream;
}

export async function copyPlayUrl(services: Services, arg: unknown, rawOptions?: unknown): Promise<PlayUrlCopied | undefined> {
  try {
    const videoId = await pickImageId(services, arg);
    if (!videoId) return undefined;
    const { definition, format, rest } = splitOptions(rawOptions);
    const choice = await choose(services, rest, services.settings());
    if (!choice) return undefined;
    const outOfBounds = checkExpiryBounds(choice.seconds, choice.outputType);
    if (outOfBounds) throw outOfBounds;

    const requestedAt = Date.now();
    const api = await services.api();
    const { streams } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Getting play URLs for {0}…', videoId) },
      () =>
        api.getPlayInfo(videoId, {
          authTimeout: choice.seconds,
          outputType: choice.outputType,
          definitions: definition ? [definition] : undefined,
          formats: format ? [format] : undefined,
        }),
    );
    const stream = await pickStream(streams, choice.asked);
    if (!stream) return undefined;
    await vscode.env.clipboard.writeText(stream.PlayURL);

    const carried = parseSignedUrlExpiry(stream.PlayURL);
    const expiresAt = carried.kind === 'none' ? new Date(requestedAt + choice.seconds * 1000) : carried.expiresAt;
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Play URL copied ({0}) — expires {1}', describeStream(stream), formatLocalTime(expiresAt, vscode.env.language)),
    );
    return { videoId, definition: stream.Definition, format: stream.Format, expiresAt: expiresAt.toISOString() };
  } catch (error) {
    reportError(services, error, vscode.l10n.t('Copy Play URL'));
    return undefined;
  }
}
