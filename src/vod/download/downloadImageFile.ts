/**
 * One image from VOD to a file, streamed (any size, never whole in memory), with progress and
 * cancel: GetImageInfo for a fresh signed URL, then a GET under the download policy (https, or http to
 * this machine only; redirects checked hop by hop). The original is the mezzanine, `Mezzanine.FileURL`
 * (GetImageInfo reference: "the OSS URL of the source file"); the display image is `URL`.
 *
 * Never overwrites: the bytes go to a temporary file beside the target, which is then hard-linked to
 * the target name (link fails if the name exists, atomically), or copied with COPYFILE_EXCL where the
 * file system has no hard links. A failed or cancelled download leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { constants, createWriteStream, promises as fsp } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { VodApi } from '../api';
import { VodError, isVodError } from '../errors';
import { fileError } from '../fileErrors';
import { msg } from '../messages';
import { cancelledError } from '../retry';
import type { ImageInfo } from '../schemas';
import type { Transport } from '../transport';

export interface DownloadImageFileOptions {
  readonly api: Pick<VodApi, 'getImageInfo'>;
  readonly transport: Pick<Transport, 'openDownload'>;
  readonly imageId: string;
  /** The file to create (it must not exist yet), or a function naming it from the image's facts. */
  readonly outPath: string | ((info: ImageInfo, original: boolean) => string);
  /** The original upload (mezzanine) instead of the display image. */
  readonly original?: boolean | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Bytes written so far, and the size when the server said it. */
  readonly onProgress?: ((receivedBytes: number, totalBytes: number | undefined) => void) | undefined;
  /** Idle limit (headers, then between two chunks). */
  readonly idleTimeoutMs?: number | undefined;
}

export interface DownloadedImage {
  readonly path: string;
  readonly bytes: number;
  readonly contentType: string;
}

export async function downloadImageFile(options: DownloadImageFileOptions): Promise<DownloadedImage> {
  const { signal } = options;
  const original = options.original ?? false;
  // A path known up front is checked before any request; a derived one as soon as it is known.
  if (typeof options.outPath === 'string') await refuseExisting(options.outPath);
  const info = await options.api.getImageInfo(options.imageId, { signal });
  const url = sourceUrl(info, original);
  const outPath = typeof options.outPath === 'string' ? options.outPath : options.outPath(info, original);
  if (typeof options.outPath !== 'string') await refuseExisting(outPath);
  const download = await options.transport.openDownload(url, { signal, idleTimeoutMs: options.idleTimeoutMs });
  // A name of fixed length: one built from the target's ran past the file system's 255 bytes for long names.
  const temp = join(dirname(outPath), `.vod-${randomBytes(8).toString('hex')}.part`);
  let received = 0;
  try {
    async function* counted(): AsyncGenerator<Uint8Array> {
      options.onProgress?.(0, download.contentLength);
      for await (const chunk of download.body) {
        if (signal?.aborted) throw cancelledError();
        received += chunk.length;
        yield chunk;
        options.onProgress?.(received, download.contentLength);
      }
    }
    await pipeline(Readable.from(counted(), { objectMode: false }), createWriteStream(temp, { flags: 'wx' }), { signal });
    if (download.contentLength !== undefined && received !== download.contentLength) {
      throw new VodError('network', msg('download.truncated', { id: options.imageId, received, total: download.contentLength }), { code: 'Truncated' });
    }
    await placeWithoutOverwrite(temp, outPath);
  } catch (error) {
    download.cancel();
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw asVodError(error, outPath);
  }
  return { path: outPath, bytes: received, contentType: download.contentType };
}

/** `<ImageId>.<ext>`, the extension read from the URL's path (the API's URLs end in the format's). */
export function defaultDownloadName(info: ImageInfo, original: boolean): string {
  let ext = 'img';
  try {
    ext = /\.([a-z0-9]{1,5})$/i.exec(new URL(sourceUrl(info, original)).pathname)?.[1]?.toLowerCase() ?? ext;
  } catch {
    // no usable URL: the download itself will say so
  }
  return `${info.ImageId}.${ext}`;
}

function sourceUrl(info: ImageInfo, original: boolean): string {
  const url = original ? info.Mezzanine?.FileURL : info.URL;
  if (url) return url;
  const which = msg(original ? 'download.original' : 'download.displayImage');
  const status = info.Status && info.Status !== 'Normal' ? info.Status.replace(/[^\w]/g, '').slice(0, 20) : undefined;
  const text = status === undefined ? msg('download.noUrl', { which, id: info.ImageId }) : msg('download.noUrlStatus', { which, id: info.ImageId, status });
  throw new VodError('notFound', text, { code: 'NoUrl' });
}

async function refuseExisting(outPath: string): Promise<void> {
  try {
    await fsp.lstat(outPath);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return;
    throw asVodError(error, outPath);
  }
  throw exists(outPath);
}

async function placeWithoutOverwrite(temp: string, outPath: string): Promise<void> {
  try {
    await fsp.link(temp, outPath);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EEXIST') throw exists(outPath);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    await fsp.copyFile(temp, outPath, constants.COPYFILE_EXCL);
  }
  await fsp.rm(temp, { force: true });
}

function exists(outPath: string): VodError {
  return fileError(outPath, { code: 'EEXIST' });
}

function asVodError(error: unknown, outPath: string): VodError {
  if (isVodError(error)) return error;
  const code = (error as { code?: unknown })?.code;
  if (code === 'ABORT_ERR' || (error as { name?: unknown })?.name === 'AbortError') return cancelledError();
  return fileError(outPath, error, code === 'ENOENT' ? msg('file.noFolder') : undefined);
}
