/**
 * `vodimg delete <ImageId...> --yes`: DeleteImage, 20 IDs per call. The API does not say which IDs
 * existed, so each ID asked for is reported once the call holding it succeeded; when a later call
 * fails, the IDs already deleted are still printed before the error.
 */
import type { VodApi } from '../../vod/api';
import { PartialWriteError } from '../../vod/upload/writeErrors';
import type { DeleteCommand } from '../args';
import type { CommandIo, ExitCode } from './io';

export async function runDelete(command: DeleteCommand, api: VodApi, io: CommandIo): Promise<ExitCode> {
  const ids = [...new Set(command.ids)];
  try {
    await api.deleteImages(ids, { signal: io.signal });
  } catch (error) {
    if (error instanceof PartialWriteError) for (const id of error.done) io.stdout(`deleted ${id}\n`);
    throw error;
  }
  for (const id of ids) io.stdout(`deleted ${id}\n`);
  return 0;
}
