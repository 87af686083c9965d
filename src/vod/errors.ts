/**
 * Every failure the core reports is a `VodError` with a `kind` the UI can branch on, the API's own
 * `Code` and `RequestId` when the server sent them, and a sentence a person understands.
 *
 * Messages are built only from values that are safe to show: never from request URLs, headers or
 * credentials, so an error can be logged or displayed as it is. The sentence is a key of the core
 * catalog (`messages.ts`) with its values: `message` is its English text (CLI, logs), and the editor
 * renders the same key in the user's language (`src/ui/localize.ts`). A raw string is not accepted,
 * so no sentence can bypass the catalog.
 */
import { renderMessage, type Message, type MessageKey, type MessageParam } from './messages';

export type VodErrorKind =
  | 'auth'
  | 'notFound'
  | 'throttled'
  | 'network'
  | 'timeout'
  | 'server'
  | 'invalidResponse'
  | 'invalidInput'
  | 'cancelled'
  | 'noCredentials'
  /** The endpoint or region setting points at something that is not VOD 2017-03-21. */
  | 'configuration';

export interface VodErrorDetails {
  /** The API error `Code`, e.g. `InvalidAccessKeyId.NotFound`. */
  readonly code?: string | undefined;
  readonly requestId?: string | undefined;
  readonly httpStatus?: number | undefined;
  /** Milliseconds the server asked us to wait (`x-acs-retry-after`). */
  readonly retryAfterMs?: number | undefined;
  readonly cause?: unknown;
}

/**
 * Two bundles carry a copy of this class: the extension and the credential sources it requires on first
 * use (dist/credential-sources.js). A brand shared through the global symbol registry makes `instanceof`
 * agree across both copies.
 */
const BRAND = Symbol.for('vod-image-inspector.VodError');

export class VodError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

  override readonly name = 'VodError';
  readonly kind: VodErrorKind;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly httpStatus: number | undefined;
  readonly retryAfterMs: number | undefined;
  /** The sentence as a catalog key and its values, for the editor to render in the user's language. */
  readonly text: Message;

  constructor(kind: VodErrorKind, text: Message, details: VodErrorDetails = {}) {
    super(renderMessage(text), details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.text = text;
    this.code = details.code;
    this.requestId = details.requestId;
    this.httpStatus = details.httpStatus;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** On the prototype, so it is not an own property that deep comparisons would see. */
  get [BRAND](): true {
    return true;
  }

  get messageKey(): MessageKey {
    return this.text.key;
  }

  get params(): Readonly<Record<string, MessageParam>> {
    return this.text.params;
  }

  /** One line for a terminal or a log: message, then Code and RequestId when known. */
  toLine(): string {
    const parts = [this.message];
    if (this.code) parts.push(`Code: ${this.code}`);
    if (this.requestId) parts.push(`RequestId: ${this.requestId}`);
    return parts.join(' · ');
  }
}

export function isVodError(value: unknown): value is VodError {
  return value instanceof VodError;
}
