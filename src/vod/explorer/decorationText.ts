/**
 * The after-text shown next to an ID in the editor: `  ▸ Title · 1920×1080`.
 *
 * It is plain text drawn inside the code, so it must not be able to disturb the line: hidden bidi
 * and control characters are shown as `[U+202E]` markers (a right-to-left override would otherwise
 * reorder the code around it), line breaks and tabs become single spaces, and long titles are cut
 * at a grapheme boundary (never inside an emoji or a surrogate pair) with an ellipsis.
 */
import type { Lookup } from '../imageService';
import { revealControls } from '../render/escape';
import { formatDimensions } from '../render/format';
import { formatDuration } from '../media/mediaLookup';
import type { VideoInfo } from '../media/videoSchemas';
import type { ImageInfo } from '../schemas';

export interface DecorationLabels {
  /** For a found image without a title (and without dimensions). */
  readonly untitled: string;
  readonly notFound: string;
}

export const DEFAULT_DECORATION_LABELS: DecorationLabels = Object.freeze({
  untitled: '(untitled)',
  notFound: 'not found',
});

export const DECORATION_PREFIX = '  ▸ ';
const SEPARATOR = ' · ';
/** Graphemes of title kept; enough to recognise an image, short enough to leave the code readable. */
export const MAX_DECORATION_TITLE = 48;

export function decorationText(lookup: Lookup, labels: DecorationLabels = DEFAULT_DECORATION_LABELS): string {
  if (lookup.state === 'missing') return DECORATION_PREFIX + sanitise(labels.notFound, MAX_DECORATION_TITLE);
  if (lookup.state === 'found') return DECORATION_PREFIX + describe(lookup.info, labels);
  return DECORATION_PREFIX + describeMedia(lookup.info, labels);
}

/** `Title · 0:01:30` for audio/video. */
function describeMedia(info: VideoInfo, labels: DecorationLabels): string {
  const title = sanitise(info.Title ?? '', MAX_DECORATION_TITLE);
  const parts = [title, formatDuration(info.Duration)].filter((part): part is string => part !== undefined && part !== '');
  return parts.length > 0 ? parts.join(SEPARATOR) : sanitise(labels.untitled, MAX_DECORATION_TITLE);
}

function describe(info: ImageInfo, labels: DecorationLabels): string {
  const title = sanitise(info.Title ?? '', MAX_DECORATION_TITLE);
  const size = formatDimensions(info.Mezzanine?.Width, info.Mezzanine?.Height);
  const parts = [title, size].filter((part): part is string => part !== undefined && part !== '');
  return parts.length > 0 ? parts.join(SEPARATOR) : sanitise(labels.untitled, MAX_DECORATION_TITLE);
}

// Made on first use: constructing a Segmenter loads ICU data, which costs milliseconds at start-up.
let segmenter: Intl.Segmenter | undefined;

/** One line of visible text, at most `max` graphemes (the last one an ellipsis when cut). */
export function sanitise(text: string, max: number): string {
  const flat = revealControls(text).replace(/\s+/g, ' ').trim();
  // Cheap exit: no string of at most `max` UTF-16 units has more than `max` graphemes.
  if (flat.length <= max) return flat;
  const kept: string[] = [];
  for (const { segment } of (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(flat)) {
    if (kept.length === max) return `${kept.slice(0, max - 1).join('').trimEnd()}…`;
    kept.push(segment);
  }
  return flat;
}
