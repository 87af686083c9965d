/**
 * The details panel for a video or audio asset: cover, facts (duration, status, size, storage,
 * category, tags, snapshots) and the play streams GetPlayInfo returned (definition, format, W×H,
 * bitrate, size), each with a "Copy play URL" button. Same document, CSP and escaping rules as the
 * image panel (panelHtml.ts): play URLs are never in the page; a button posts an action and a
 * stream index, and the host signs a fresh URL itself.
 */
import type { MediaKind } from '../media/mediaLookup';
import { formatDuration } from '../media/mediaLookup';
import { describeStream } from '../media/playStreams';
import type { PlayInfo, VideoInfo } from '../media/videoSchemas';
import { escapeAttr, escapeHtml } from './escape';
import { formatDimensions } from './format';
import { buildPanelCsp, imageOriginOf } from './panelCsp';
import { renderPanelDocument } from './panelDocument';
import { badge, category, date, row, section, size, tags, text, url, type Context } from './panelHtml';
import { DEFAULT_PANEL_LABELS, type PanelLabels } from './panelLabels';

export interface MediaPanelLabels {
  readonly video: string;
  readonly audio: string;
  readonly videoId: string;
  readonly duration: string;
  readonly storageClass: string;
  readonly snapshots: string;
  readonly streams: string;
  readonly definition: string;
  readonly format: string;
  readonly bitrate: string;
  readonly copyPlayUrl: string;
  /** `{0}` = why GetPlayInfo gave nothing (its error sentence). */
  readonly noStreams: string;
}

export const DEFAULT_MEDIA_PANEL_LABELS: MediaPanelLabels = Object.freeze({
  video: 'Video',
  audio: 'Audio',
  videoId: 'Video ID',
  duration: 'Duration',
  storageClass: 'Storage class',
  snapshots: 'Snapshots',
  streams: 'Play streams',
  definition: 'Definition',
  format: 'Format',
  bitrate: 'Bitrate',
  copyPlayUrl: 'Copy play URL',
  noStreams: 'No play streams: {0}',
});

/** The streams, or why there are none (an error sentence safe to show: VodError messages are). */
export type StreamsOutcome = { readonly streams: readonly PlayInfo[] } | { readonly unavailable: string };

export interface MediaPanelInput {
  readonly kind: MediaKind;
  readonly info: VideoInfo;
  readonly streams: StreamsOutcome;
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** The cover's origin, allowed in `img-src`; undefined shows no cover. */
  readonly imageOrigin: string | undefined;
  readonly labels?: PanelLabels | undefined;
  readonly mediaLabels?: MediaPanelLabels | undefined;
  readonly locale?: string | undefined;
  readonly timeZone?: string | undefined;
  readonly lang?: string | undefined;
}

/** Streams shown at most; a real asset has a handful. */
export const MAX_STREAMS = 50;

export function renderMediaPanelHtml(input: MediaPanelInput): string {
  const { info } = input;
  const ctx: Context = { labels: input.labels ?? DEFAULT_PANEL_LABELS, locale: input.locale, timeZone: input.timeZone };
  const media = input.mediaLabels ?? DEFAULT_MEDIA_PANEL_LABELS;
  const title = info.Title?.trim() ? info.Title : ctx.labels.untitled;
  const kindLabel = input.kind === 'audio' ? media.audio : media.video;
  return renderPanelDocument({
    csp: buildPanelCsp({ cspSource: input.cspSource, nonce: input.nonce, imageOrigin: input.imageOrigin }),
    lang: input.lang,
    title,
    imageId: info.VideoId,
    styleUri: input.styleUri,
    scriptUri: input.scriptUri,
    nonce: input.nonce,
    bodyHtml: `<header class="header">
<h1 class="title">${escapeHtml(title)}</h1>
<div class="badges"><span class="badge badge-kind tone-other">${escapeHtml(kindLabel)}</span>${badge('status', ctx.labels.status, info.Status)}</div>
${actions(input, ctx, media)}
<p id="notice" class="notice" role="status" aria-live="polite"></p>
</header>
<main>
${cover(info, input.imageOrigin, title, ctx)}
${details(info, kindLabel, ctx, media)}
${streamsSection(input.streams, ctx, media)}
</main>`,
  });
}

function actions(input: MediaPanelInput, ctx: Context, media: MediaPanelLabels): string {
  const playable = 'streams' in input.streams && input.streams.streams.length > 0;
  const buttons = [
    `<button type="button" class="primary" data-action="copyPlayUrl"${playable ? '' : ' disabled'}>${escapeHtml(media.copyPlayUrl)}</button>`,
    `<button type="button" class="secondary" data-action="copyId">${escapeHtml(ctx.labels.copyId)}</button>`,
    `<button type="button" class="secondary" data-action="refresh">${escapeHtml(ctx.labels.refresh)}</button>`,
  ];
  return `<div class="actions" role="toolbar" aria-label="${escapeAttr(ctx.labels.actions)}">${buttons.join('')}</div>`;
}

function cover(info: VideoInfo, imageOrigin: string | undefined, title: string, ctx: Context): string {
  const origin = imageOriginOf(info.CoverURL);
  if (info.CoverURL === undefined || origin === undefined || origin !== imageOrigin) {
    return `<p class="no-preview">${escapeHtml(ctx.labels.noPreview)}</p>`;
  }
  return `<figure class="preview"><img src="${escapeAttr(new URL(info.CoverURL).href)}" alt="${escapeAttr(title)}" referrerpolicy="no-referrer"></figure>`;
}

function details(info: VideoInfo, kindLabel: string, ctx: Context, media: MediaPanelLabels): string {
  const { labels } = ctx;
  const snapshots = (info.Snapshots ?? []).slice(0, 20).map((s) => url(s) ?? '').filter(Boolean);
  const rows = [
    row(media.videoId, `<code>${escapeHtml(info.VideoId)}</code>`),
    row(labels.title, text(info.Title)),
    row(labels.type, escapeHtml(kindLabel)),
    row(labels.status, text(info.Status)),
    row(media.duration, text(formatDuration(info.Duration))),
    row(labels.size, size(info.Size, ctx)),
    row(labels.created, date(info.CreationTime, ctx)),
    row(labels.modified, date(info.ModificationTime, ctx)),
    row(labels.category, category(info.CateName, info.CateId)),
    row(labels.tags, tags(info.Tags)),
    row(labels.description, text(info.Description), 'description'),
    row(labels.storageLocation, text(info.StorageLocation)),
    row(media.storageClass, text(info.StorageClass)),
    row(labels.app, text(info.AppId)),
    row(media.snapshots, snapshots.length > 0 ? snapshots.join('<br>') : undefined),
  ];
  return section(labels.details, `<dl class="fields">${rows.join('')}</dl>`);
}

function streamsSection(outcome: StreamsOutcome, ctx: Context, media: MediaPanelLabels): string {
  if (!('streams' in outcome)) {
    return section(media.streams, `<p class="muted">${escapeHtml(media.noStreams.replace('{0}', outcome.unavailable))}</p>`);
  }
  const streams = outcome.streams.slice(0, MAX_STREAMS);
  if (streams.length === 0) return section(media.streams, `<p class="muted">${escapeHtml(media.noStreams.replace('{0}', '—'))}</p>`);
  const head = [media.definition, media.format, ctx.labels.dimensions, media.bitrate, ctx.labels.size, ''].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = streams
    .map((stream, index) => {
      const cells = [
        stream.Definition,
        stream.Format,
        formatDimensions(stream.Width || undefined, stream.Height || undefined),
        stream.Bitrate === undefined ? undefined : `${Math.round(stream.Bitrate)} kbps`,
      ].map((v) => `<td>${escapeHtml(v ?? '')}</td>`);
      const bytes = `<td>${size(stream.Size, ctx) ?? ''}</td>`;
      const button = `<td><button type="button" class="secondary" data-action="copyPlayUrl" data-stream="${index}" title="${escapeAttr(describeStream(stream))}">${escapeHtml(media.copyPlayUrl)}</button></td>`;
      return `<tr>${cells.join('')}${bytes}${button}</tr>`;
    })
    .join('');
  return section(media.streams, `<table class="streams"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`);
}
