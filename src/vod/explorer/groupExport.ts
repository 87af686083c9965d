/**
 * "Copy as Markdown table" and "Copy as JSON" on a group of images: ID, title, type, status,
 * size, W×H and creation time.
 *
 * Table cells must render as the text they hold, wherever the table is pasted (GitHub, a wiki, a
 * README): line breaks and runs of whitespace become one space (a newline would end the row), `|`
 * is escaped (it would start a new cell), and so is the inline syntax a title could carry
 * (`` \ ` * _ [ ] < > ~ & $ ``), so `**x**` or `[a](b)` stays literal. Hidden bidi and control
 * characters are shown as `[U+202E]` markers, as everywhere else (see render/escape). Other
 * punctuation is left alone to keep the source readable; the one effect of that is that GFM
 * renderers may turn a bare URL in a title into a link that shows that same URL.
 */
import { revealControls } from '../render/escape';
import { formatBytes, formatDimensions } from '../render/format';
import type { ImageInfo } from '../schemas';

export interface ExportLabels {
  readonly id: string;
  readonly title: string;
  readonly type: string;
  readonly status: string;
  readonly size: string;
  readonly dimensions: string;
  readonly created: string;
}

export const DEFAULT_EXPORT_LABELS: ExportLabels = Object.freeze({
  id: 'ID',
  title: 'Title',
  type: 'Type',
  status: 'Status',
  size: 'Size',
  dimensions: 'W×H',
  created: 'Created',
});

/** One exported image; `null` where the API did not say. */
export interface ExportedImage {
  readonly id: string;
  readonly title: string | null;
  readonly type: string | null;
  readonly status: string | null;
  /** Bytes. */
  readonly size: number | null;
  readonly width: number | null;
  readonly height: number | null;
  /** As the API sent it (`yyyy-MM-ddTHH:mm:ssZ`). */
  readonly created: string | null;
}

export function toExportedImage(info: ImageInfo): ExportedImage {
  const mezzanine = info.Mezzanine;
  return {
    id: info.ImageId,
    title: info.Title ?? null,
    type: info.ImageType ?? null,
    status: info.Status ?? null,
    size: finiteOrNull(mezzanine?.FileSize),
    width: finiteOrNull(mezzanine?.Width),
    height: finiteOrNull(mezzanine?.Height),
    created: info.CreationTime ?? null,
  };
}

/** Pretty-printed JSON array of {@link ExportedImage}, in the given order. */
export function toJson(infos: readonly ImageInfo[]): string {
  return JSON.stringify(infos.map(toExportedImage), null, 2);
}

/** A GitHub-flavoured Markdown table, one row per image, in the given order. */
export function toMarkdownTable(infos: readonly ImageInfo[], labels: ExportLabels = DEFAULT_EXPORT_LABELS): string {
  const header = [labels.id, labels.title, labels.type, labels.status, labels.size, labels.dimensions, labels.created];
  const rows = infos.map((info) => {
    const image = toExportedImage(info);
    return [
      image.id,
      image.title ?? '',
      image.type ?? '',
      image.status ?? '',
      image.size === null ? '' : formatBytes(image.size),
      formatDimensions(image.width ?? undefined, image.height ?? undefined) ?? '',
      image.created ?? '',
    ];
  });
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header.map(escapeCell)), line(header.map(() => '---')), ...rows.map((cells) => line(cells.map(escapeCell)))].join('\n');
}

const INLINE_SYNTAX = /[\\`*_[\]<>~&$|]/g;

/** Text that renders as itself inside one table cell. */
export function escapeCell(text: string): string {
  return revealControls(text).replace(/\s+/g, ' ').trim().replace(INLINE_SYNTAX, '\\$&');
}

function finiteOrNull(value: number | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
