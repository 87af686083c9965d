/**
 * The details panel's page for every state but "found": loading, not found, an error, signed out.
 * Same CSP, stylesheet and script as the full page (renderPanelHtml), so the ready handshake, the
 * serializer state (`data-image-id`) and the Refresh button work here too. Pure; all text escaped.
 */
import { escapeAttr, escapeHtml } from '../../vod/render/escape';
import { buildPanelCsp } from '../../vod/render/panelCsp';

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

const LANG_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

export function renderStatusHtml(input: StatusPageInput): string {
  const csp = buildPanelCsp({ cspSource: input.cspSource, nonce: input.nonce, imageOrigin: undefined });
  const lang = input.lang !== undefined && LANG_TAG.test(input.lang) ? input.lang : 'en';
  const refresh =
    input.refreshLabel === undefined
      ? ''
      : `<div class="actions" role="toolbar"><button type="button" class="primary" data-action="refresh">${escapeHtml(input.refreshLabel)}</button></div>`;
  return `<!DOCTYPE html>
<html lang="${escapeAttr(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeAttr(input.styleUri)}">
<title>${escapeHtml(input.heading)}</title>
</head>
<body data-image-id="${escapeAttr(input.imageId)}"${input.refreshLabel === undefined ? ' aria-busy="true"' : ''}>
<header class="header">
<h1 class="title">${escapeHtml(input.heading)}</h1>
<p class="status-message${input.tone === 'error' ? ' tone-error' : ' muted'}" role="status">${escapeHtml(input.message)}</p>
<p><code>${escapeHtml(input.imageId)}</code></p>
${refresh}
<p id="notice" class="notice" role="status" aria-live="polite"></p>
</header>
<script nonce="${escapeAttr(input.nonce)}" src="${escapeAttr(input.scriptUri)}"></script>
</body>
</html>
`;
}
