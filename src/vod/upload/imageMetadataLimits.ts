/**
 * The documented limits on image metadata, checked before any write is sent, so a user learns what
 * is wrong from a sentence and not from a server code. From the API reference:
 * - CreateUploadImage: ImageType `default` | `cover`; ImageExt `png`, `jpg`, `jpeg`, `gif`; Title at
 *   most 128 bytes, Description at most 1,024 bytes, Tags at most 16, each at most 32 bytes,
 *   comma-separated; all UTF-8, no emoji.
 * - UpdateImageInfos: at most 20 images per call, the same field limits.
 * - DeleteImage: at most 20 IDs per call.
 * The docs give lengths in bytes ("字节") for these fields; counting UTF-8 bytes is the stricter reading.
 */
import { VodError } from '../errors';
import { msg, type Message } from '../messages';

export const IMAGE_TYPES = ['default', 'cover'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif'] as const;
export type ImageExtension = (typeof IMAGE_EXTENSIONS)[number];

export const MAX_TITLE_BYTES = 128;
export const MAX_DESCRIPTION_BYTES = 1024;
export const MAX_TAGS = 16;
export const MAX_TAG_BYTES = 32;
/** UpdateImageInfos and DeleteImage take at most this many images per call. */
export const MAX_IMAGES_PER_WRITE = 20;

export interface ImageMetadata {
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly cateId?: number | undefined;
}

/** Emoji and other pictographs (and their joiners), which the API refuses in these fields. */
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u200d\ufe0f]/u;
/** Commas separate tags on the wire, so a tag cannot hold one; control characters are never wanted. */
const CONTROL = /[\u0000-\u001f\u007f]/u;

// TextEncoder, not Buffer: the details panel's webview checks the same limits in the browser.
let encoder: TextEncoder | undefined;
const bytes = (text: string): number => (encoder ??= new TextEncoder()).encode(text).length;

/** The first problem with `metadata`, as a catalog sentence; undefined when it may be sent. */
export function metadataProblem(metadata: ImageMetadata): Message | undefined {
  const { title, description, tags, cateId } = metadata;
  if (title !== undefined) {
    if (title.trim() === '') return msg('meta.titleEmpty');
    if (bytes(title) > MAX_TITLE_BYTES) return msg('meta.titleTooLong', { max: MAX_TITLE_BYTES });
    if (EMOJI.test(title) || CONTROL.test(title)) return msg('meta.titleChars');
  }
  if (description !== undefined) {
    if (bytes(description) > MAX_DESCRIPTION_BYTES) return msg('meta.descriptionTooLong', { max: MAX_DESCRIPTION_BYTES });
    if (EMOJI.test(description)) return msg('meta.descriptionEmoji');
  }
  if (tags !== undefined) {
    if (tags.length > MAX_TAGS) return msg('meta.tooManyTags', { max: MAX_TAGS });
    for (const tag of tags) {
      if (tag.trim() === '') return msg('meta.tagEmpty');
      if (tag.includes(',')) return msg('meta.tagComma', { tag: tag.slice(0, 40) });
      if (bytes(tag) > MAX_TAG_BYTES) return msg('meta.tagTooLong', { tag: tag.slice(0, 40), max: MAX_TAG_BYTES });
      if (EMOJI.test(tag) || CONTROL.test(tag)) return msg('meta.tagChars');
    }
  }
  if (cateId !== undefined && (!Number.isSafeInteger(cateId) || cateId < 0)) return msg('meta.badCategory');
  return undefined;
}

/**
 * A title made from a file name, for uploads where nobody typed one (several files at once): what the API
 * refuses is dropped (emoji, control characters) and the rest cut to MAX_TITLE_BYTES at a character
 * boundary, so the file's name never fails its upload. Undefined when nothing usable is left.
 */
export function titleFromFileName(name: string): string | undefined {
  const cleaned = name.replace(new RegExp(EMOJI.source, 'gu'), '').replace(new RegExp(CONTROL.source, 'gu'), ' ').replace(/\s+/gu, ' ').trim();
  let title = '';
  for (const character of cleaned) {
    if (bytes(title + character) > MAX_TITLE_BYTES) break;
    title += character;
  }
  title = title.trim();
  return title === '' ? undefined : title;
}

/** Throws an `invalidInput` VodError naming the first problem. */
export function checkMetadata(metadata: ImageMetadata): void {
  const problem = metadataProblem(metadata);
  if (problem) throw new VodError('invalidInput', problem);
}

/** The ImageExt for a file name, or undefined when VOD does not take images of that type. */
export function imageExtensionOf(fileName: string): ImageExtension | undefined {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (IMAGE_EXTENSIONS as readonly string[]).includes(ext ?? '') ? (ext as ImageExtension) : undefined;
}

/** `items` in runs of at most MAX_IMAGES_PER_WRITE, the unit of one UpdateImageInfos or DeleteImage call. */
export function writeBatches<T>(items: readonly T[]): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_IMAGES_PER_WRITE) batches.push(items.slice(i, i + MAX_IMAGES_PER_WRITE));
  return batches;
}
