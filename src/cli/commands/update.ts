/** `vodimg update <ImageId>`: UpdateImageInfos for one image; an unknown ID is exit code 1. */
import type { VodApi } from '../../vod/api';
import type { UpdateCommand } from '../args';
import type { CommandIo, ExitCode } from './io';

export async function runUpdate(command: UpdateCommand, api: VodApi, io: CommandIo): Promise<ExitCode> {
  const result = await api.updateImageInfos([{ imageId: command.id, ...command.fields }], { signal: io.signal });
  if (result.nonExistImageIds.includes(command.id)) {
    io.stderr(`vodimg: not found: ${command.id}`);
    return 1;
  }
  io.stdout(`updated ${command.id}\n`);
  return 0;
}
