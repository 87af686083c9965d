/**
 * `vodimg download <ImageId> [--out PATH] [--original]`: streamed to a new file (never over an
 * existing one); prints the path written. Default name: `<ImageId>.<ext>` in the current folder.
 */
import { resolve } from 'node:path';
import type { VodApi } from '../../vod/api';
import { defaultDownloadName } from '../../vod/download/downloadImageFile';
import type { DownloadCommand } from '../args';
import type { CommandIo, ExitCode } from './io';

export async function runDownload(command: DownloadCommand, api: VodApi, io: CommandIo): Promise<ExitCode> {
  const out = command.out;
  const result = await api.downloadImageFile({
    imageId: command.id,
    original: command.original,
    outPath: out === undefined ? (info, original) => resolve(defaultDownloadName(info, original)) : resolve(out),
    signal: io.signal,
  });
  io.stdout(`${result.path}\n`);
  return 0;
}
