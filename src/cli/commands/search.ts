/** `vodimg search`: one page of SearchMedia (SearchType=image). `--json` prints the media list as returned. */
import type { VodApi } from '../../vod/api';
import type { SearchCommand } from '../args';
import { formatSearch } from '../format';
import type { CommandIo, ExitCode } from './io';

export async function runSearch(command: SearchCommand, api: VodApi, io: CommandIo): Promise<ExitCode> {
  const result = await api.searchImages({
    match: command.match,
    pageNo: command.page,
    pageSize: command.pageSize,
    signal: io.signal,
  });
  if (command.json) io.stdout(`${JSON.stringify(result.mediaList, null, 2)}\n`);
  else io.stdout(`${formatSearch(result, command.page, command.pageSize, io.now())}\n`);
  return 0;
}
