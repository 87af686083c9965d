/**
 * The details panel's page for every state but "found": loading, not found, an error, signed out.
 * Same CSP, stylesheet and script as the full page (renderPanelHtml), so the ready handshake, the
 * serializer state (`data-image-id`) and the Refresh button work here too. Pure; all text escaped.
 */
import { escapeHtml } from '../../vod/render/escape';
import { buildPanelCsp } from '../../vod/render/panelCsp';
import { renderPanelDocument } from '../../vod/render/panelDocument';

export interface StatusPageInput {
  readonly imageId: string;
  readonly heading: string;
  readonly message: string;
  readonly tone: 'info' | 'error';
  /** Undefined while loading: there is nothing to retry yet. */
  readonly refreshLabel: string | undefined;
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly lang?: string | undefined;
}

export function renderStatusHtml(input: StatusPageInput): string {
  const refresh =
    input.refreshLabel === undefined
      ? ''
      : `<div class="actions" role="toolbar"><button type="button" class="primary" data-action="refresh">${escapeHtml(input.refreshLabel)}</button></div>`;
  return renderPanelDocument({
    csp: buildPanelCsp({ cspSource: input.cspSource, nonce: input.nonce, imageOrigin: undefined }),
    lang: input.lang,
    title: input.heading,
    imageId: input.imageId,
    styleUri: input.styleUri,
    scriptUri: input.scriptUri,
    nonce: input.nonce,
    busy: input.refreshLabel === undefined,
    bodyHtml: `<header class="header">
<h1 class="title">${escapeHtml(input.heading)}</h1>
<p class="status-message${input.tone === 'error' ? ' tone-error' : ' muted'}" role="status">${escapeHtml(input.message)}</p>
<p><code>${escapeHtml(input.imageId)}</code></p>
${refresh}
<p id="notice" class="notice" role="status" aria-live="polite"></p>
</header>`,
  });
}
