/**
 * One image file from disk into VOD: CreateUploadImage, then an OSS PutObject streamed from the file
 * (never read whole into memory), signed with the ticket's temporary key and `x-oss-security-token`.
 *
 * Credentials: the API reference of CreateUploadImage says "You cannot refresh the upload URL or
 * credential when you upload images. If the image upload credential expires, you can call this
 * operation to obtain a new upload URL and credential" (valid 3,000 s by default)
 * (https://www.alibabacloud.com/help/en/vod/developer-reference/api-vod-2017-03-21-createuploadimage).
 * RefreshUploadVideo is for audio/video only. So when the credential would expire before the PUT can
 * finish, or OSS says it expired, this asks CreateUploadImage again. That makes a new image ID; the
 * one given up is deleted (best effort: a key without vod:DeleteImage leaves it, and the result says so).
 *
 * A connection reset mid-upload (or a 5xx) is retried from the start of the file, a few times.
 * The temporary secret and token stay in this module: no log entry or error carries them.
 */
import { createReadStream, promises as fsp } from 'node:fs';
import { basename } from 'node:path';
import type { CallOptions } from '../api';
import { VodError, isVodError } from '../errors';
import type { RequestLogEntry } from '../log';
import { abortableSleep, cancelledError, isRetryable, type Sleep } from '../retry';
import { signOssRequest } from '../signing/ossSignature';
import type { Transport } from '../transport';
import { imageExtensionOf, type ImageExtension } from './imageMetadataLimits';
import { isExpiredUploadCredential, mapOssError } from './ossErrors';
import { credentialLastsFor } from './uploadTicket';
import type { CreateUploadImageRequest, ImageWriteApi, UploadImageTicket } from './writeApi';

/** Planning figure for "would the credential outlast this upload": a slow line, 256 KiB/s. */
const ASSUMED_BYTES_PER_SECOND = 256 * 1024;
/** New tickets per upload, at most (expiry before or during the PUT). */
const MAX_NEW_TICKETS = 2;
/** Further PUTs after a reset connection or an OSS 5xx. */
const MAX_PUT_RETRIES = 3;
const READ_CHUNK_BYTES = 256 * 1024;

const CONTENT_TYPES: Readonly<Record<ImageExtension, string>> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif' };

export type UploadMetadata = Omit<CreateUploadImageRequest, 'imageExt' | 'signal' | 'originalFileName'>;

export interface UploadImageFileOptions extends CallOptions {
  readonly api: Pick<ImageWriteApi, 'createUploadImage' | 'deleteImages'>;
  /** The same transport as the client's (proxy settings, keep-alive). */
  readonly transport: Pick<Transport, 'putStream'>;
  readonly filePath: string;
  readonly metadata?: UploadMetadata | undefined;
  /** Defaults to the file's extension. */
  readonly imageExt?: ImageExtension | undefined;
  /** Bytes handed to the connection so far, and the file's size; starts again at 0 on a retry. */
  readonly onProgress?: ((sentBytes: number, totalBytes: number) => void) | undefined;
  /** One entry per PUT attempt, in the client's log shape (no URL, no header, no credential). */
  readonly log?: ((entry: RequestLogEntry) => void) | undefined;
  /** The time the OSS `Date` header and the expiry check use; pass a skew-corrected clock when known. */
  readonly now?: (() => Date) | undefined;
  /** Idle limit per PUT (headers, then between answer chunks). */
  readonly idleTimeoutMs?: number | undefined;
  /** Test seams. */
  readonly sleep?: Sleep | undefined;
  readonly retryDelayMs?: number | undefined;
}

export interface UploadedImage {
  readonly imageId: string;
  readonly imageUrl: string | undefined;
  readonly fileUrl: string | undefined;
  readonly bytes: number;
  /** Image IDs created for this file and given up (expired credential) that could not be deleted. */
  readonly leftBehindImageIds: readonly string[];
}

interface Attempt {
  readonly ticket: UploadImageTicket;
  readonly number: number;
}

export async function uploadImageFile(options: UploadImageFileOptions): Promise<UploadedImage> {
  const { signal } = options;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? abortableSleep;
  const size = await fileSize(options.filePath);
  const imageExt = options.imageExt ?? imageExtensionOf(options.filePath);
  if (imageExt === undefined) throw new VodError('invalidInput', `${shownName(options.filePath)} is not a png, jpg, jpeg or gif file.`);
  const request: CreateUploadImageRequest = { ...options.metadata, imageExt, originalFileName: basename(options.filePath), signal };
  const expectedMs = (size / ASSUMED_BYTES_PER_SECOND) * 1000;

  const leftBehind: string[] = [];
  let ticket = await options.api.createUploadImage(request);
  let newTickets = 0;
  let retries = 0;
  const replaceTicket = async (): Promise<void> => {
    const old = ticket.imageId;
    ticket = await options.api.createUploadImage(request);
    newTickets++;
    if (!(await deleteQuietly(options.api, old))) leftBehind.push(old);
  };

  try {
    for (let number = 1; ; number++) {
      if (signal?.aborted) throw cancelledError();
      if (!credentialLastsFor(ticket.upload.credentials, expectedMs, now()) && newTickets < MAX_NEW_TICKETS) {
        await replaceTicket();
        continue;
      }
      try {
        await putOnce(options, { ticket, number }, size, imageExt, now);
        break;
      } catch (error) {
        if (signal?.aborted || !isVodError(error)) throw error;
        if (isExpiredUploadCredential(error) && newTickets < MAX_NEW_TICKETS) {
          await replaceTicket();
          continue;
        }
        if (!isRetryable(error) || retries >= MAX_PUT_RETRIES) throw error;
        await sleep((options.retryDelayMs ?? 500) * 2 ** retries++, signal);
      }
    }
  } catch (error) {
    // Nothing will ever fill this image: take it away rather than leave an "Uploading" ghost.
    await deleteQuietly(options.api, ticket.imageId);
    throw error;
  }
  return { imageId: ticket.imageId, imageUrl: ticket.imageUrl, fileUrl: ticket.fileUrl, bytes: size, leftBehindImageIds: leftBehind };
}

async function putOnce(options: UploadImageFileOptions, attempt: Attempt, size: number, ext: ImageExtension, now: () => Date): Promise<void> {
  const { target, credentials } = attempt.ticket.upload;
  const headers = signOssRequest(
    { method: 'PUT', bucket: target.bucket, objectKey: target.objectKey, headers: { 'Content-Type': CONTENT_TYPES[ext] } },
    credentials,
    now(),
  );
  headers['Content-Length'] = String(size);
  const started = performance.now();
  const report = (entry: Partial<RequestLogEntry> & Pick<RequestLogEntry, 'outcome'>): void =>
    options.log?.({ action: 'PutObject', latencyMs: performance.now() - started, attempt: attempt.number, ...entry });

  let response;
  try {
    response = await options.transport.putStream({
      url: target.url,
      headers,
      body: fileChunks(options.filePath, size, options.onProgress),
      signal: options.signal,
      idleTimeoutMs: options.idleTimeoutMs,
    });
  } catch (error) {
    report({ code: isVodError(error) ? error.code : undefined, outcome: 'error' });
    throw error;
  }
  if (response.status >= 200 && response.status < 300) {
    report({ status: response.status, outcome: 'ok' });
    return;
  }
  const error = mapOssError(response);
  report({ status: response.status, code: error.code, requestId: error.requestId, outcome: 'error' });
  throw error;
}

/** The file in chunks, counting what has been read; fails if the file changed size meanwhile. */
async function* fileChunks(path: string, size: number, onProgress: UploadImageFileOptions['onProgress']): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  let sent = 0;
  onProgress?.(0, size);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      sent += chunk.length;
      if (sent > size) throw new VodError('invalidInput', `${shownName(path)} grew while it was being uploaded.`);
      yield chunk;
      onProgress?.(sent, size);
    }
  } catch (error) {
    throw isVodError(error) ? error : fileError(path, error);
  } finally {
    stream.destroy();
  }
  if (sent !== size) throw new VodError('invalidInput', `${shownName(path)} shrank while it was being uploaded.`);
}

async function fileSize(path: string): Promise<number> {
  let stat;
  try {
    stat = await fsp.stat(path);
  } catch (error) {
    throw fileError(path, error);
  }
  if (!stat.isFile()) throw new VodError('invalidInput', `${shownName(path)} is not a file.`);
  if (stat.size === 0) throw new VodError('invalidInput', `${shownName(path)} is empty.`);
  return stat.size;
}

function fileError(path: string, error: unknown): VodError {
  const code = (error as { code?: unknown })?.code;
  const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : 'cannot be read';
  return new VodError('invalidInput', `${shownName(path)} ${why}.`, { code: typeof code === 'string' ? code : undefined, cause: error });
}

/** The base name only, printable and short: errors travel to notifications and terminals. */
function shownName(path: string): string {
  const name = basename(path).replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?');
  return `"${name.length > 60 ? `${name.slice(0, 60)}…` : name}"`;
}

async function deleteQuietly(api: Pick<ImageWriteApi, 'deleteImages'>, imageId: string): Promise<boolean> {
  try {
    await api.deleteImages([imageId]);
    return true;
  } catch {
    return false;
  }
}
