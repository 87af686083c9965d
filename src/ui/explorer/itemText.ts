/**
 * The words of an explorer row, decided without the editor (unit-tested in plain Node): an image's
 * label and description, and an occurrence's `file:line`. API text is flattened to one line with
 * hidden controls made visible, as in the editor decorations, because a tree row is one line too.
 */
import { formatDuration } from '../../vod/media/mediaLookup';
import { sanitise } from '../../vod/explorer/decorationText';
import type { ImageCondition, LookupState } from '../../vod/explorer/statusStyle';
import { fillTemplate } from '../../vod/render/template';
import { formatDimensions } from '../../vod/render/format';

/** Long enough for any VOD title (128 bytes), short enough for a sidebar. */
export const MAX_LABEL = 80;

export interface ItemTextLabels {
  /** `{0}` = a count, e.g. `{0} refs`. */
  readonly refs: string;
  /** The same for a count of one (`{0}` = 1). */
  readonly oneRef: string;
  readonly notFound: string;
  readonly failed: string;
  readonly pending: string;
}

/** The title once resolved and non-empty; the ID otherwise. */
export function imageLabel(imageId: string, lookup: LookupState | undefined): string {
  if (lookup === undefined || (lookup.state !== 'found' && lookup.state !== 'video' && lookup.state !== 'audio')) return imageId;
  const title = sanitise(lookup.info.Title ?? '', MAX_LABEL);
  return title === '' ? imageId : title;
}

/**
 * `W×H · N refs` for workspace rows (`refs` undefined elsewhere). An unresolved ID says why it has
 * no size yet (pending, not found, failed).
 */
export function imageDescription(lookup: LookupState | undefined, refs: number | undefined, labels: ItemTextLabels): string {
  const parts: string[] = [];
  if (lookup === undefined || lookup.state === 'pending') parts.push(labels.pending);
  else if (lookup.state === 'missing') parts.push(labels.notFound);
  else if (lookup.state === 'failed') parts.push(labels.failed);
  else if (lookup.state === 'found') {
    const size = formatDimensions(lookup.info.Mezzanine?.Width, lookup.info.Mezzanine?.Height);
    if (size !== undefined) parts.push(size);
  } else {
    const duration = formatDuration(lookup.info.Duration);
    if (duration !== undefined) parts.push(duration);
  }
  if (refs !== undefined) parts.push(fillTemplate(refs === 1 ? labels.oneRef : labels.refs, [String(refs)], (t) => t));
  return parts.join(' · ');
}

/** A category group's row: the category's name (API text, cleaned like a title), or the uncategorised label. */
export function categoryLabel(name: string | undefined, uncategorized: string): string {
  return name === undefined ? uncategorized : sanitise(name, MAX_LABEL);
}

/** `src/app.ts:12` (one-based line, as editors show it). */
export function occurrenceLabel(relativePath: string, line: number): string {
  return `${relativePath}:${line + 1}`;
}

/** The words a screen reader hears for the conditions only the icon shows (its colour and shape). */
export interface StatusWords {
  readonly blocked: string;
  readonly uploadFailed: string;
  readonly uploading: string;
}

/**
 * The row's accessible label: the label, the condition the icon shows when it is one a person must
 * act on or wait for (Blocked, Upload failed, Uploading…), then the description. Without it a screen
 * reader announces a blocked image exactly like a healthy one.
 */
export function accessibleImageLabel(label: string, description: string, condition: ImageCondition, words: StatusWords): string {
  const status = condition === 'blocked' ? words.blocked : condition === 'uploadFail' ? words.uploadFailed : condition === 'uploading' ? words.uploading : undefined;
  return [label, status, description].filter((part) => part !== undefined && part !== '').join(', ');
}
