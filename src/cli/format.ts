/**
 * Human-readable output for the terminal: aligned `key: value` blocks. Image metadata is
 * user-controlled text (titles, tags), so control and bidi characters are shown escaped instead of
 * being interpreted by the terminal, and signed URLs appear without their query (use `vodimg url`).
 */
import type { SearchImagesResult } from '../vod/api';
import { formatDuration, type MediaKind } from '../vod/media/mediaLookup';
import type { VideoInfo } from '../vod/media/videoSchemas';
import { redactUrl } from '../vod/redact';
import { categoryWithId } from '../vod/render/format';
import type { ImageInfo } from '../vod/schemas';
import { describeExpiry, parseSignedUrlExpiry } from '../vod/signedUrlExpiry';

// C0/C1 controls, zero-width space, bidi marks/overrides/isolates, line/paragraph separators, BOM.
// (Not U+200D: emoji sequences need the zero-width joiner.)
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/** Makes text inert for a terminal: `\u202e` stays visible as text instead of flipping the line. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export type Field = readonly [label: string, value: string | number | undefined];

/** `Label:   value` lines with the values aligned; empty values are left out. */
export function keyValueBlock(fields: readonly Field[]): string {
  const shown = fields.filter((f): f is readonly [string, string | number] => f[1] !== undefined && f[1] !== '');
  const width = Math.max(0, ...shown.map(([label]) => label.length)) + 1;
  return shown.map(([label, value]) => `${`${label}:`.padEnd(width)} ${terminalSafe(String(value))}`).join('\n');
}

function urlWithExpiry(url: string | undefined, now: Date): string | undefined {
  if (url === undefined || url === '') return undefined;
  const expiry = parseSignedUrlExpiry(url);
  const shown = redactUrl(url);
  return expiry.kind === 'none' ? shown : `${shown} (${describeExpiry(expiry.expiresAt, now)})`;
}

function dimensions(info: ImageInfo): string | undefined {
  const { Width, Height } = info.Mezzanine ?? {};
  return Width !== undefined && Height !== undefined ? `${Width} × ${Height}` : undefined;
}

/** `lead` fields go first, aligned with the rest (vodimg info's Type). */
export function formatImage(info: ImageInfo, now: Date, lead: readonly Field[] = []): string {
  return keyValueBlock([
    ...lead,
    ['ImageId', info.ImageId],
    ['Title', info.Title],
    ['Status', info.Status],
    ['AuditStatus', info.AuditStatus],
    ['ImageType', info.ImageType],
    ['Category', categoryWithId(info.CateName, info.CateId)],
    ['Tags', info.Tags],
    ['Description', info.Description],
    ['Size', dimensions(info)],
    ['FileSize', info.Mezzanine?.FileSize === undefined ? undefined : `${info.Mezzanine.FileSize} bytes`],
    ['FileName', info.Mezzanine?.OriginalFileName],
    ['Created', info.CreationTime],
    ['Modified', info.ModificationTime],
    ['Storage', info.StorageLocation],
    ['Region', info.RegionId],
    ['URL', urlWithExpiry(info.URL, now)],
  ]);
}

/** What `vodimg info` found for one ID. */
export type Asset = { readonly kind: 'image'; readonly info: ImageInfo } | { readonly kind: MediaKind; readonly info: VideoInfo };

/** One block per asset, starting with its Type. */
export function formatAsset(asset: Asset, now: Date): string {
  if (asset.kind === 'image') return formatImage(asset.info, now, [['Type', 'image']]);
  const info = asset.info;
  return keyValueBlock([
    ['Type', asset.kind],
    ['VideoId', info.VideoId],
    ['Title', info.Title],
    ['Status', info.Status],
    ['Duration', formatDuration(info.Duration)],
    ['Category', categoryWithId(info.CateName, info.CateId)],
    ['Tags', info.Tags],
    ['Description', info.Description],
    ['FileSize', info.Size === undefined ? undefined : `${info.Size} bytes`],
    ['Created', info.CreationTime],
    ['Modified', info.ModificationTime],
    ['Storage', info.StorageLocation],
    ['Cover', urlWithExpiry(info.CoverURL, now)],
  ]);
}

export function formatImages(images: readonly ImageInfo[], now: Date): string {
  return images.map((info) => formatImage(info, now)).join('\n\n');
}

export function formatSearch(result: SearchImagesResult, page: number, pageSize: number, now: Date): string {
  const first = (page - 1) * pageSize + 1;
  const header =
    result.images.length === 0
      ? `No images on page ${page} (${result.total} match${result.total === 1 ? '' : 'es'} in total).`
      : `Images ${first}–${first + result.images.length - 1} of ${result.total} (page ${page}, ${pageSize} per page)`;
  const blocks = result.images.map((info) => formatImage(info, now));
  return [header, ...blocks].join('\n\n');
}
