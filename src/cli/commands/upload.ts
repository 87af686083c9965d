/**
 * `vodimg upload <file...>`: each file streamed to VOD in turn; stdout gets one new ImageId per line
 * (or, with --json, one array at the end), so `id=$(vodimg upload hero.png)` works. A file that fails
 * is reported on stderr and the others still go (exit 1 at the end); a refusal that would hit every
 * file (credentials, permission, Ctrl-C) stops at once.
 */
import { basename, extname } from 'node:path';
import type { VodApi } from '../../vod/api';
import { isVodError } from '../../vod/errors';
import { waitForImageReady } from '../../vod/upload/waitForImageReady';
import type { UploadCommand } from '../args';
import { terminalSafe } from '../format';
import type { CommandIo, ExitCode } from './io';

interface Outcome {
  readonly file: string;
  readonly imageId: string;
  readonly status: string;
}

const STOP_ALL = new Set(['auth', 'noCredentials', 'configuration', 'cancelled']);

export async function runUpload(command: UploadCommand, api: VodApi, io: CommandIo): Promise<ExitCode> {
  const outcomes: Outcome[] = [];
  let failed = false;
  for (const file of command.files) {
    try {
      const uploaded = await api.uploadImageFile({
        filePath: file,
        metadata: { title: command.title ?? titleOf(file), tags: command.tags, cateId: command.cateId },
        signal: io.signal,
      });
      for (const id of uploaded.leftBehindImageIds) io.stderr(`vodimg: ${terminalSafe(file)}: an unused image ${id} (status Uploading) could not be deleted.`);
      let status = 'Uploaded';
      if (command.wait) {
        status = (await waitForImageReady(api, uploaded.imageId, { signal: io.signal })).status;
        if (status === 'UploadFail') {
          io.stderr(`vodimg: ${terminalSafe(file)}: VOD could not process the image ${uploaded.imageId} (UploadFail).`);
          failed = true;
        }
      }
      outcomes.push({ file, imageId: uploaded.imageId, status });
      if (!command.json) io.stdout(`${uploaded.imageId}\n`);
    } catch (error) {
      if (!isVodError(error) || STOP_ALL.has(error.kind)) throw error;
      io.stderr(`vodimg: ${terminalSafe(file)}: ${terminalSafe(error.toLine())}`);
      failed = true;
    }
  }
  if (command.json) io.stdout(`${JSON.stringify(outcomes, null, 2)}\n`);
  return failed ? 1 : 0;
}

/** The file name without its extension, as the default title (the documented limits still apply). */
function titleOf(file: string): string {
  const name = basename(file, extname(file)).trim();
  let title = '';
  for (const char of name.replace(/[\u0000-\u001f\u007f]/g, ' ')) {
    if (Buffer.byteLength(title + char, 'utf8') > 128) break;
    title += char;
  }
  return title.trim() || basename(file);
}
