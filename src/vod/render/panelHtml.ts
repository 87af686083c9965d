/**
 * The details panel: one complete HTML document for a webview, rendered from an ImageInfo.
 *
 * Safety rules, all enforced here so the webview host cannot get them wrong:
 * - a strict CSP (see panelCsp.ts); the only script is the nonce'd bundle at `scriptUri`, and the
 *   document has no inline script, inline style or event-handler attribute;
 * - every string is escaped (`escapeHtml` for text, `escapeAttr` for attribute values);
 * - the one remote resource is the thumbnail `<img>`, and only for an http(s) image URL whose origin
 *   is the `imageOrigin` the CSP allows;
 * - signed URLs appear nowhere else: shown URLs have their query redacted, and the buttons post an
 *   action name, so the host resolves (and signs) URLs itself.
 */
import { describeExpiry, parseSignedUrlExpiry } from '../signedUrlExpiry';
import { redactText, redactUrl } from '../redact';
import { ImageInfoSchema, MezzanineSchema, type ImageInfo, type Mezzanine } from '../schemas';
import { panelImageUrl } from '../thumbnail/thumbnailPlan';
import { escapeAttr, escapeHtml } from './escape';
import { categoryName, formatBytes, formatDate, formatDimensions, parseIsoDate, splitTags } from './format';
import { buildPanelCsp, imageOriginOf } from './panelCsp';
import { renderPanelDocument } from './panelDocument';
import { DEFAULT_PANEL_LABELS, type PanelLabels } from './panelLabels';
import type { PanelAction } from './panelMessages';
import { editFormHtml } from './editFormHtml';
import { fillTemplate } from './template';

export interface PanelInput {
  /** All fields, including the unknown extra ones the schema keeps. */
  readonly info: ImageInfo;
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** Fresh per render, from a CSPRNG. */
  readonly nonce: string;
  /** `webview.asWebviewUri(media/dist/panel.js)`. */
  readonly scriptUri: string;
  /** `webview.asWebviewUri(media/panel.css)`. */
  readonly styleUri: string;
  /** The origin of `info.URL` to allow in `img-src` (see `imageOriginOf`); undefined shows no remote image. */
  readonly imageOrigin: string | undefined;
  /** A caller-composed expiry line; by default it is read from `info.URL` itself. */
  readonly urlExpiry?: string | undefined;
  readonly labels?: PanelLabels | undefined;
  /** Milliseconds since the epoch, for "expires in …". */
  readonly now: number;
  readonly locale?: string | undefined;
  readonly timeZone?: string | undefined;
  /** BCP 47 tag for `<html lang>`; default `en`. */
  readonly lang?: string | undefined;
}

export interface Context {
  readonly labels: PanelLabels;
  readonly locale: string | undefined;
  readonly timeZone: string | undefined;
}

// Read from the schemas on first render, not at load: the schemas are built on first use.
let knownFields: { readonly image: ReadonlySet<string>; readonly mezzanine: ReadonlySet<string> } | undefined;
function known(): NonNullable<typeof knownFields> {
  return (knownFields ??= { image: new Set(Object.keys(ImageInfoSchema.shape)), mezzanine: new Set(Object.keys(MezzanineSchema.shape)) });
}
const MAX_OTHER_VALUE = 2000;

/** API status values → one of a fixed set of CSS classes (never a class built from API text). */
const TONES = new Map<string, 'ok' | 'pending' | 'error'>([
  ['normal', 'ok'],
  ['uploading', 'pending'],
  ['checking', 'pending'],
  ['processing', 'pending'],
  ['uploadfail', 'error'],
  ['blocked', 'error'],
  ['failed', 'error'],
]);

export function renderPanelHtml(input: PanelInput): string {
  const { info } = input;
  const ctx: Context = { labels: input.labels ?? DEFAULT_PANEL_LABELS, locale: input.locale, timeZone: input.timeZone };
  const title = info.Title?.trim() ? info.Title : ctx.labels.untitled;
  return renderPanelDocument({
    csp: buildPanelCsp(input),
    lang: input.lang,
    title,
    imageId: info.ImageId,
    styleUri: input.styleUri,
    scriptUri: input.scriptUri,
    nonce: input.nonce,
    bodyHtml: `<header class="header">
<h1 class="title">${escapeHtml(title)}</h1>
${badges(info, ctx)}
${actions(info, ctx)}
<p id="notice" class="notice" role="status" aria-live="polite"></p>
${editFormHtml(info, ctx.labels)}
</header>
<main>
${thumbnail(info, input.imageOrigin, title, ctx)}
${detailsSection(info, input, ctx)}
${mezzanineSection(info.Mezzanine, ctx)}
${otherFieldsSection(info, ctx)}
</main>`,
  });
}


function badges(info: ImageInfo, ctx: Context): string {
  const items = [badge('status', ctx.labels.status, info.Status), badge('audit', ctx.labels.auditStatus, info.AuditStatus)];
  return `<div class="badges">${items.join('')}</div>`;
}

export function badge(kind: 'status' | 'audit', label: string, value: string | undefined): string {
  if (!value) return '';
  const tone = TONES.get(value.toLowerCase()) ?? 'other';
  return `<span class="badge badge-${kind} tone-${tone}" title="${escapeAttr(label)}">${escapeHtml(value)}</span>`;
}

function actions(info: ImageInfo, ctx: Context): string {
  const { labels } = ctx;
  const hasUrl = info.URL !== undefined && info.URL !== '';
  const buttons: [PanelAction, string, boolean, boolean][] = [
    ['copySignedUrl', labels.copySignedUrl, true, true],
    ['copyUrl', labels.copyUrl, hasUrl, false],
    ['openInBrowser', labels.openInBrowser, hasUrl, false],
    ['copyId', labels.copyId, true, false],
    ['refresh', labels.refresh, true, false],
  ];
  const html = buttons.map(
    ([action, label, enabled, primary]) =>
      `<button type="button" class="${primary ? 'primary' : 'secondary'}" data-action="${action}"${enabled ? '' : ' disabled'}>${escapeHtml(label)}</button>`,
  );
  // Opens the inline form (editFormHtml.ts) in the page; nothing is posted until Save.
  html.push(`<button type="button" class="secondary" data-edit="open" aria-controls="edit-form" aria-expanded="false">${escapeHtml(labels.edit)}</button>`);
  return `<div class="actions" role="toolbar" aria-label="${escapeAttr(labels.actions)}">${html.join('')}</div>`;
}

function thumbnail(info: ImageInfo, imageOrigin: string | undefined, title: string, ctx: Context): string {
  const origin = imageOriginOf(info.URL);
  if (info.URL === undefined || origin === undefined || origin !== imageOrigin) {
    return `<p class="no-preview">${escapeHtml(ctx.labels.noPreview)}</p>`;
  }
  // A large image is shown from the CDN's resized rendition when it has one (same origin, so the
  // CSP holds); serialised by URL so the attribute holds exactly what the browser would request.
  // width/height keep the real size's aspect ratio, and async decoding keeps a 27-megapixel
  // original from stalling the panel.
  const src = new URL(panelImageUrl({ ...info, URL: info.URL })).href;
  const size = pixelSize(info.Mezzanine);
  return `<figure class="preview"><img src="${escapeAttr(src)}" alt="${escapeAttr(title)}"${size} decoding="async" referrerpolicy="no-referrer"></figure>`;
}

/** width/height attributes reserve the space before the image loads; CSS scales it down. */
function pixelSize(mezzanine: Mezzanine | undefined): string {
  const { Width: width, Height: height } = mezzanine ?? {};
  const valid = (n: number | undefined): n is number => n !== undefined && Number.isSafeInteger(n) && n > 0;
  return valid(width) && valid(height) ? ` width="${width}" height="${height}"` : '';
}

function detailsSection(info: ImageInfo, input: PanelInput, ctx: Context): string {
  const { labels } = ctx;
  const mezzanine = info.Mezzanine;
  const rows = [
    row(labels.imageId, `<code>${escapeHtml(info.ImageId)}</code>`),
    row(labels.title, text(info.Title)),
    row(labels.type, text(info.ImageType)),
    row(labels.status, text(info.Status)),
    row(labels.auditStatus, text(info.AuditStatus)),
    row(labels.dimensions, text(formatDimensions(mezzanine?.Width, mezzanine?.Height))),
    row(labels.size, size(mezzanine?.FileSize, ctx)),
    row(labels.created, date(info.CreationTime, ctx)),
    row(labels.modified, date(info.ModificationTime, ctx)),
    row(labels.category, category(info.CateName, info.CateId)),
    row(labels.tags, tags(info.Tags)),
    row(labels.description, text(info.Description), 'description'),
    row(labels.storageLocation, text(info.StorageLocation)),
    row(labels.app, text(info.AppId)),
    row(labels.region, text(info.RegionId)),
    row(labels.url, url(info.URL)),
    row(labels.urlExpiry, expiry(info.URL, input, ctx)),
  ];
  return section(labels.details, `<dl class="fields">${rows.join('')}</dl>`);
}

function mezzanineSection(mezzanine: Mezzanine | undefined, ctx: Context): string {
  if (!mezzanine) return '';
  const { labels } = ctx;
  const rows = [
    row(labels.fileName, text(mezzanine.OriginalFileName)),
    row(labels.size, size(mezzanine.FileSize, ctx)),
    row(labels.dimensions, text(formatDimensions(mezzanine.Width, mezzanine.Height))),
    row(labels.fileUrl, url(mezzanine.FileURL)),
  ];
  if (rows.every((r) => r === '')) return '';
  return section(labels.mezzanine, `<dl class="fields">${rows.join('')}</dl>`);
}

/** Fields this version does not know, so nothing the API returns is hidden; values redacted as they may hold URLs. */
function otherFieldsSection(info: ImageInfo, ctx: Context): string {
  const extra: [string, unknown][] = Object.entries(info).filter(([key]) => !known().image.has(key));
  for (const [key, value] of Object.entries(info.Mezzanine ?? {})) {
    if (!known().mezzanine.has(key)) extra.push([`Mezzanine.${key}`, value]);
  }
  if (extra.length === 0) return '';
  const { labels } = ctx;
  const body = extra
    .map(([key, value]) => `<tr><th scope="row"><code>${escapeHtml(key)}</code></th><td>${escapeHtml(otherValue(value))}</td></tr>`)
    .join('');
  return section(
    labels.otherFields,
    `<table class="other-fields"><thead><tr><th scope="col">${escapeHtml(labels.field)}</th><th scope="col">${escapeHtml(labels.value)}</th></tr></thead><tbody>${body}</tbody></table>`,
  );
}

function otherValue(value: unknown): string {
  const raw = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const redacted = redactText(raw);
  return redacted.length > MAX_OTHER_VALUE ? `${redacted.slice(0, MAX_OTHER_VALUE - 1)}…` : redacted;
}

export function section(heading: string, body: string): string {
  return `<section><h2>${escapeHtml(heading)}</h2>${body}</section>`;
}

/** A `<dt>/<dd>` pair, or nothing when the record lacks the field (sparse records stay tidy). */
export function row(label: string, valueHtml: string | undefined, className?: string): string {
  if (valueHtml === undefined || valueHtml === '') return '';
  const cls = className ? ` class="${className}"` : '';
  return `<dt>${escapeHtml(label)}</dt><dd${cls}>${valueHtml}</dd>`;
}

export function text(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : escapeHtml(value);
}

export function size(bytes: number | undefined, ctx: Context): string | undefined {
  if (bytes === undefined) return undefined;
  const human = formatBytes(bytes);
  if (!Number.isSafeInteger(bytes) || bytes < 1024) return escapeHtml(human);
  const exact = fillTemplate(ctx.labels.exactBytes, [groupDigits(bytes, ctx.locale)], escapeHtml);
  return `${escapeHtml(human)} <span class="muted">(${exact})</span>`;
}

function groupDigits(n: number, locale: string | undefined): string {
  try {
    return n.toLocaleString(locale);
  } catch {
    return n.toLocaleString();
  }
}

/** Local time as text, the UTC value in the tooltip; an unparsable value is shown as sent. */
export function date(iso: string | undefined, ctx: Context): string | undefined {
  if (iso === undefined || iso.trim() === '') return undefined;
  const parsed = parseIsoDate(iso);
  if (!parsed) return escapeHtml(iso);
  const { local, utc } = formatDate(iso, ctx.locale, ctx.timeZone);
  return `<time datetime="${escapeAttr(parsed.toISOString())}" title="${escapeAttr(utc)}">${escapeHtml(local)}</time>`;
}

/** The category's name with its ID beside it (what the edit form asks for), or whichever of them VOD sent. */
export function category(name: string | undefined, id: number | undefined): string | undefined {
  const shown = categoryName(name, id);
  if (shown === undefined || id === undefined || shown === String(id)) return text(shown);
  return `${escapeHtml(shown)} <span class="muted">(${escapeHtml(String(id))})</span>`;
}

export function tags(value: string | undefined): string | undefined {
  const list = splitTags(value);
  if (list.length === 0) return undefined;
  return `<ul class="chips">${list.map((tag) => `<li class="chip">${escapeHtml(tag)}</li>`).join('')}</ul>`;
}

/** Scheme, host and path only: the query is where signatures live. */
export function url(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return `<code class="url">${escapeHtml(redactUrl(value))}</code>`;
}

function expiry(imageUrl: string | undefined, input: PanelInput, ctx: Context): string | undefined {
  if (input.urlExpiry !== undefined) return text(input.urlExpiry);
  if (imageUrl === undefined || imageUrl.trim() === '') return undefined;
  const parsed = parseSignedUrlExpiry(imageUrl);
  if (parsed.kind === 'none') return escapeHtml(ctx.labels.urlNoExpiry);
  const iso = parsed.expiresAt.toISOString();
  const { local, utc } = formatDate(iso, ctx.locale, ctx.timeZone);
  const relative = describeExpiry(parsed.expiresAt, new Date(input.now));
  const expired = parsed.expiresAt.getTime() <= input.now;
  return `<time class="${expired ? 'expired' : 'valid'}" datetime="${escapeAttr(iso)}" title="${escapeAttr(utc)}">${escapeHtml(local)}</time> <span class="muted">(${escapeHtml(relative)})</span>`;
}
