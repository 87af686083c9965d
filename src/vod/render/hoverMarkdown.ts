/**
 * The hover card for an image ID, as Markdown text plus the commands it links to.
 *
 * The hover's MarkdownString is trusted only for `enabledCommands`, and every string that came from
 * the API or the document goes through `escapeMarkdown`, so API text can never become a link, an
 * image, HTML or a command URI. The only image ever emitted is a `data:` thumbnail the caller
 * fetched itself; an API URL is never handed to the hover, which would load it from the user's
 * machine with no size limit and no proxy.
 */
import type { Lookup } from '../imageService';
import type { ImageInfo } from '../schemas';
import { commandLink } from './commandLink';
import { escapeMarkdown } from './escape';
import { categoryName, formatBytes, formatDate, formatDimensions, splitTags } from './format';
import { DEFAULT_HOVER_LABELS, type HoverLabels } from './hoverLabels';
import { DEFAULT_MEDIA_HOVER_LABELS, renderMediaFound, type MediaHoverLabels } from './mediaHover';
import { fillTemplate } from './template';

export type HoverLookup = Lookup | { readonly state: 'error'; readonly message: string } | { readonly state: 'signedOut' };

export type HoverThumbnail =
  | { readonly dataUri: string }
  | { readonly tooLarge: true; readonly bytes?: number | undefined }
  | { readonly unavailable: string };

/** The command IDs to link to (the extension's contract names, e.g. `vodImages.openDetails`). */
export interface HoverCommands {
  readonly openDetails: string;
  readonly copySignedUrl: string;
  readonly copyId: string;
  readonly signIn: string;
  /** For video/audio IDs; without it the hover offers no play-URL link. */
  readonly copyPlayUrl?: string | undefined;
}

export interface HoverInput {
  readonly lookup: HoverLookup;
  readonly thumbnail?: HoverThumbnail | undefined;
  readonly commands: HoverCommands;
  readonly labels?: HoverLabels | undefined;
  readonly mediaLabels?: MediaHoverLabels | undefined;
  readonly locale?: string | undefined;
  readonly timeZone?: string | undefined;
}

export interface HoverMarkdown {
  readonly markdown: string;
  /** Exactly the commands the Markdown links to: pass as `isTrusted: { enabledCommands }`. */
  readonly enabledCommands: string[];
}

/** Base64 raster images only. SVG is left out: it is a document format, not a picture. */
const THUMBNAIL_DATA_URI = /^data:image\/(?:png|jpeg|gif|webp|bmp|avif);base64,[A-Za-z0-9+/]+={0,2}$/;
/** Small enough that thumbnail, title, actions and facts fit the editor's hover without scrolling. */
const THUMBNAIL_HEIGHT = 96;
export const SEPARATOR = ' · ';
export const MAX_TITLE = 120;
export const MAX_VALUE = 80;
const MAX_TAGS = 12;
const MAX_ERROR = 300;

export function renderHoverMarkdown(input: HoverInput): HoverMarkdown {
  const labels = input.labels ?? DEFAULT_HOVER_LABELS;
  const links = new LinkSet();
  const blocks = renderBlocks(input, labels, links);
  return { markdown: blocks.join('\n\n'), enabledCommands: links.commands() };
}

function renderBlocks(input: HoverInput, labels: HoverLabels, links: LinkSet): string[] {
  const { lookup, commands } = input;
  switch (lookup.state) {
    case 'signedOut':
      return [`${text(labels.signedOut)} ${links.add(labels.signIn, commands.signIn)}`];
    case 'error':
      return [fill(labels.error, clip(lookup.message, MAX_ERROR))];
    case 'missing': {
      // When the video step was refused, all we know is "not an image".
      const template = lookup.videoCheck === 'denied' ? (input.mediaLabels ?? DEFAULT_MEDIA_HOVER_LABELS).notAnImage : labels.notFound;
      return [`_${fill(template, clip(lookup.imageId, MAX_VALUE))}_`];
    }
    case 'found':
      return renderFound(lookup.info, input, labels, links);
    case 'video':
    case 'audio':
      return renderMediaFound(lookup.state, lookup.info, input, labels, links);
  }
}

function renderFound(info: ImageInfo, input: HoverInput, labels: HoverLabels, links: LinkSet): string[] {
  const blocks: string[] = [];
  const thumbnail = renderThumbnail(input.thumbnail, labels);
  if (thumbnail) blocks.push(thumbnail);

  const title = info.Title?.trim();
  blocks.push(title ? `**${text(clip(title, MAX_TITLE))}**` : `_${text(labels.untitled)}_`);

  // Actions right under the title: the hover's height is capped, and the facts below may be cut off.
  const id = info.ImageId;
  blocks.push(
    [
      links.add(labels.openDetails, input.commands.openDetails, [id]),
      links.add(labels.copySignedUrl, input.commands.copySignedUrl, [id]),
      links.add(labels.copyId, input.commands.copyId, [id]),
    ].join(SEPARATOR),
  );

  const dates = info.CreationTime ? formatDate(info.CreationTime, input.locale, input.timeZone) : undefined;
  const rows: (string | undefined)[] = [
    line([
      [labels.type, info.ImageType],
      [labels.status, info.Status],
      [labels.auditStatus, info.AuditStatus],
    ]),
    line([
      [labels.dimensions, formatDimensions(info.Mezzanine?.Width, info.Mezzanine?.Height)],
      [labels.size, info.Mezzanine?.FileSize === undefined ? undefined : formatBytes(info.Mezzanine.FileSize)],
      [labels.created, dates?.local],
    ]),
    line([
      [labels.category, categoryName(info.CateName, info.CateId)],
      [labels.tags, tagList(info.Tags)],
    ]),
  ];
  for (const row of rows) if (row) blocks.push(row);

  return blocks;
}

export function renderThumbnail(thumbnail: HoverThumbnail | undefined, labels: HoverLabels): string | undefined {
  if (!thumbnail) return undefined;
  if ('dataUri' in thumbnail) {
    // Anything but a base64 raster data: URI is dropped, never passed through as an image source.
    if (!THUMBNAIL_DATA_URI.test(thumbnail.dataUri)) return undefined;
    return `![${text(labels.thumbnailAlt)}](${thumbnail.dataUri}|height=${THUMBNAIL_HEIGHT})`;
  }
  if ('tooLarge' in thumbnail) {
    return thumbnail.bytes === undefined
      ? `_${text(labels.thumbnailTooLargeUnknownSize)}_`
      : `_${fill(labels.thumbnailTooLarge, formatBytes(thumbnail.bytes))}_`;
  }
  return `_${fill(labels.thumbnailUnavailable, clip(thumbnail.unavailable, MAX_VALUE))}_`;
}

/** "Label: value · Label: value", skipping fields the record does not have; undefined if none. */
export function line(fields: readonly (readonly [string, string | undefined])[]): string | undefined {
  const present = fields.filter((f): f is readonly [string, string] => f[1] !== undefined && f[1].trim() !== '');
  if (present.length === 0) return undefined;
  return present.map(([label, value]) => `${text(label)}: ${text(clip(value.trim(), MAX_VALUE))}`).join(SEPARATOR);
}

export function tagList(tags: string | undefined): string | undefined {
  const all = splitTags(tags);
  if (all.length === 0) return undefined;
  const shown = all.slice(0, MAX_TAGS).join(', ');
  return all.length > MAX_TAGS ? `${shown}, …` : shown;
}

/** Shortens by code points (never splitting a surrogate pair), marking the cut with "…". */
export function clip(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

export function text(value: string): string {
  return escapeMarkdown(value);
}

export function fill(template: string, ...values: string[]): string {
  return fillTemplate(template, values, escapeMarkdown);
}

/** The command links of one hover, remembering which commands they need enabled. */
export class LinkSet {
  private readonly used = new Set<string>();

  add(label: string, commandId: string, args: readonly unknown[] = []): string {
    const link = commandLink(label, commandId, args);
    this.used.add(commandId);
    return link;
  }

  commands(): string[] {
    return [...this.used];
  }
}
