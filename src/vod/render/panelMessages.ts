/**
 * The messages between the details panel's webview and the extension host, validated with zod on
 * both sides: the webview is a page that renders API text, so the host treats what it posts as
 * untrusted input, and the webview script checks what it receives just as strictly.
 *
 * Buttons post an action name, never a URL: the host looks the image up and resolves or signs URLs
 * itself, so a signed URL is never handed to (or taken from) the page.
 */
import * as z from 'zod/mini';
import { lazy } from '../lazy';

export const PANEL_ACTIONS = ['copyUrl', 'copySignedUrl', 'openInBrowser', 'refresh', 'copyId', 'copyPlayUrl'] as const;
export type PanelAction = (typeof PANEL_ACTIONS)[number];

/** Webview → host. `ready` is the handshake: the host posts nothing before it. */
const webviewMessageSchema = lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('ready') }),
    // `stream`: which play stream a video panel's row button means (an index into what the host rendered).
    z.object({ type: z.literal('action'), action: z.enum(PANEL_ACTIONS), stream: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(99))) }),
    // The edit form's values: bounded well above the documented limits, which the host checks next (imageEdit.ts).
    z.object({
      type: z.literal('edit'),
      title: z.string().check(z.maxLength(1024)),
      description: z.string().check(z.maxLength(8192)),
      tags: z.array(z.string().check(z.maxLength(256))).check(z.maxLength(64)),
      cateId: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER))),
    }),
  ]),
);
export type WebviewMessage = z.output<ReturnType<typeof webviewMessageSchema>>;

/** Long enough for any real image ID, short enough that a bogus message cannot carry a payload. */
const IMAGE_ID_MAX = 256;

/** Host → webview. */
const hostMessageSchema = lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('state'), imageId: z.string().check(z.minLength(1), z.maxLength(IMAGE_ID_MAX)) }),
    z.object({ type: z.literal('busy'), busy: z.boolean() }),
    z.object({ type: z.literal('notice'), text: z.string().check(z.maxLength(2000)) }),
    // Why a save did not happen, shown in the edit form (which stays open).
    z.object({ type: z.literal('editError'), text: z.string().check(z.maxLength(2000)) }),
  ]),
);
export type HostMessage = z.output<ReturnType<typeof hostMessageSchema>>;

/** The message, or undefined when it is not one we know; the host ignores those. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  const result = webviewMessageSchema().safeParse(value);
  return result.success ? result.data : undefined;
}

export function parseHostMessage(value: unknown): HostMessage | undefined {
  const result = hostMessageSchema().safeParse(value);
  return result.success ? result.data : undefined;
}

export function isPanelAction(value: unknown): value is PanelAction {
  return typeof value === 'string' && (PANEL_ACTIONS as readonly string[]).includes(value);
}
