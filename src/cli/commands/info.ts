/**
 * `vodimg info <ImageId...>`: one GetImageInfos pass (batched by the client). Found images go to
 * stdout; every missing ID gets a line on stderr and makes the exit code 1, so scripts can tell.
 */
import type { VodApi } from '../../vod/api';
import type { InfoCommand } from '../args';
import { formatImages } from '../format';
import type { CommandIo, ExitCode } from './io';

export async function runInfo(command: InfoCommand, api: VodApi, io: CommandIo): Promise<ExitCode> {
  const result = await api.getImageInfos(command.ids, {
    authTimeout: command.authTimeout,
    outputType: command.outputType,
    signal: io.signal,
  });
  if (command.json) {
    io.stdout(`${JSON.stringify(result.raw ?? result.images, null, 2)}\n`);
  } else if (result.images.length > 0) {
    io.stdout(`${formatImages(result.images, io.now())}\n`);
  }
  for (const id of result.missing) io.stderr(`vodimg: not found: ${id}`);
  return result.missing.length === 0 ? 0 : 1;
}
