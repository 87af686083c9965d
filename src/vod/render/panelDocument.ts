/**
 * The frame every details-panel page shares: the CSP meta tag, the theme stylesheet, the nonce'd
 * script and the `data-image-id` the serializer restores from. Callers pass the body already escaped.
 */
import { escapeAttr, escapeHtml } from './escape';

const LANG_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

export interface PanelDocumentInput {
  readonly csp: string;
  readonly lang: string | undefined;
  readonly title: string;
  readonly imageId: string;
  readonly styleUri: string;
  readonly scriptUri: string;
  readonly nonce: string;
  /** Marks the page busy for assistive technology (a page still loading). */
  readonly busy?: boolean;
  /** Trusted markup: built by the caller from escaped values only. */
  readonly bodyHtml: string;
}

export function renderPanelDocument(input: PanelDocumentInput): string {
  const lang = input.lang !== undefined && LANG_TAG.test(input.lang) ? input.lang : 'en';
  return `<!DOCTYPE html>
<html lang="${escapeAttr(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(input.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeAttr(input.styleUri)}">
<title>${escapeHtml(input.title)}</title>
</head>
<body data-image-id="${escapeAttr(input.imageId)}"${input.busy ? ' aria-busy="true"' : ''}>
${input.bodyHtml}
<script nonce="${escapeAttr(input.nonce)}" src="${escapeAttr(input.scriptUri)}"></script>
</body>
</html>
`;
}
