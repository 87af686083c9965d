/**
 * `vodimg url <ImageId>`: prints the signed URL and nothing else, so it can be used as
 * `curl "$(vodimg url ID)"`. This is the one place where a signed query is written out: on stdout,
 * because the user asked for exactly that.
 */
import type { VodApi } from '../../vod/api';
import { VodError } from '../../vod/errors';
import { msg } from '../../vod/messages';
import type { UrlCommand } from '../args';
import type { CommandIo, ExitCode } from './io';

export async function runUrl(command: UrlCommand, api: VodApi, io: CommandIo): Promise<ExitCode> {
  const info = await api.getImageInfo(command.id, {
    authTimeout: command.expires,
    outputType: command.outputType,
    signal: io.signal,
  });
  if (!info.URL) {
    throw new VodError('invalidResponse', msg('cli.noUrl', { id: command.id }));
  }
  io.stdout(`${info.URL}\n`);
  return 0;
}
