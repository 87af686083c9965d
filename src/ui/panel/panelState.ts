/**
 * The pure parts of the details panel host: the view type, the state a webview persists for the
 * serializer (validated: it comes back from the webview, which we treat as untrusted), the nonce
 * and the tab title.
 */
import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { sanitise } from '../../vod/explorer/decorationText';
import { lazy } from '../../vod/lazy';
import { isPlausibleImageId } from '../../vod/imageIds';
import type { ImageInfo } from '../../vod/schemas';

export { PANEL_VIEW_TYPE } from '../viewIds';

const persistedStateSchema = lazy(() => z.object({ imageId: z.string() }));

/** The image a restored panel showed, or undefined when the saved state is unusable. */
export function restoredImageId(state: unknown): string | undefined {
  const parsed = persistedStateSchema().safeParse(state);
  if (!parsed.success) return undefined;
  return isPlausibleImageId(parsed.data.imageId) ? parsed.data.imageId : undefined;
}

/** 128 random bits per render: a CSP nonce must not be guessable by content that ends up in the page. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

const MAX_TITLE_CHARS = 40;

/**
 * The tab title: the image's title (shortened, one line, hidden bidi and control characters shown as
 * markers, as everywhere else API text appears) or its ID.
 */
export function panelTitle(imageId: string, info?: ImageInfo): string {
  const title = sanitise(info?.Title ?? '', MAX_TITLE_CHARS);
  return title === '' ? imageId : title;
}

/**
 * The host-source part of `webview.cspSource` (e.g. `https://*.vscode-cdn.net`). Real hosts also
 * include the keyword `'self'` (measured in code-server: `'self' https://*.vscode-cdn.net`), which
 * the renderer's CSP check refuses (it rejects quotes so nothing can smuggle in a directive).
 * Resources from `asWebviewUri` live on the cdn host, so the host sources alone are enough; empty
 * or odd tokens, and a bare `*`, are dropped the same way.
 */
export function hostCspSources(cspSource: string): string {
  return cspSource
    .split(/\s+/)
    .filter((token) => token !== '' && token !== '*' && !/[;,'"]/.test(token))
    .join(' ');
}
