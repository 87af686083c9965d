/**
 * The identifiers a server sends back (`Code`, `RequestId`) reach notifications, tooltips, the log
 * and a terminal (`vodimg --verbose`). They are only worth showing in their documented shape
 * (`InvalidAccessKeyId.NotFound`, a UUID): anything else could carry terminal escapes, a newline that
 * forges a log line, or Markdown, so it is dropped rather than cleaned.
 */

const ERROR_CODE = /^[\w.-]{1,128}$/;
const REQUEST_ID = /^[\w-]{1,64}$/;

/** The API error `Code` if it looks like one, else undefined. */
export function safeErrorCode(value: unknown): string | undefined {
  return typeof value === 'string' && ERROR_CODE.test(value) ? value : undefined;
}

/** A `RequestId` (body or `x-acs-request-id` header) if it looks like one, else undefined. */
export function safeRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && REQUEST_ID.test(value) ? value : undefined;
}
