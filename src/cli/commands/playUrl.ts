/**
 * `vodimg play-url <VideoId>`: prints one play URL (GetPlayInfo) and nothing else, like `vodimg url`:
 * the best stream, or the one `--definition` names. The signed URL goes to stdout because the user
 * asked for exactly that; never to stderr or a log.
 */
import type { VodApi } from '../../vod/api';
import { VodError } from '../../vod/errors';
import { msg } from '../../vod/messages';
import { rankStreams } from '../../vod/media/playStreams';
import type { PlayUrlCommand } from '../args';
import type { CommandIo, ExitCode } from './io';

export async function runPlayUrl(command: PlayUrlCommand, api: VodApi, io: CommandIo): Promise<ExitCode> {
  const { streams } = await api.getPlayInfo(command.id, {
    authTimeout: command.expires,
    outputType: command.outputType,
    definitions: command.definition === undefined ? undefined : [command.definition],
    signal: io.signal,
  });
  const best = rankStreams(streams)[0];
  if (!best) throw new VodError('notFound', msg('cli.noStream', { id: command.id }));
  io.stdout(`${best.PlayURL}\n`);
  return 0;
}
