/**
 * Logging seams for the core. Two shapes on purpose:
 * - `Logger` is a plain line sink (the extension's output channel, the CLI's stderr).
 * - `RequestLogEntry` is what the client reports per HTTP attempt. It is structured and holds only
 *   fields that cannot carry a secret (no URL, no headers, no body), so a consumer cannot leak one
 *   by printing it.
 */

export interface Logger {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/** A logger that drops everything: the default when a caller does not care. */
export const noopLogger: Logger = Object.freeze({
  info(): void {},
  warn(): void {},
  error(): void {},
});

/**
 * - `ok`: a validated answer.
 * - `retry`: failed, and the client will try again (throttled, 5xx, connection reset).
 * - `skew`: the server rejected our timestamp; the client learnt the clock offset and re-signs.
 * - `error`: failed for good.
 */
export type RequestOutcome = 'ok' | 'retry' | 'skew' | 'error';

export interface RequestLogEntry {
  readonly action: string;
  /** How many image IDs the request carried (GetImageInfo: 1, GetImageInfos: the batch size). */
  readonly idCount?: number | undefined;
  /** HTTP status; absent when no response arrived (reset, timeout, abort). */
  readonly status?: number | undefined;
  /** API error Code, or a local code such as `ECONNRESET` / `TooLarge`. */
  readonly code?: string | undefined;
  readonly requestId?: string | undefined;
  readonly latencyMs: number;
  /** 1 for the first try. */
  readonly attempt: number;
  readonly outcome: RequestOutcome;
}

/** One human line per entry, e.g. `GetImageInfos ids=20 status=200 requestId=… 52 ms ok`. */
export function formatRequestLogEntry(entry: RequestLogEntry): string {
  const parts: string[] = [entry.action];
  if (entry.idCount !== undefined) parts.push(`ids=${entry.idCount}`);
  parts.push(`status=${entry.status ?? '-'}`);
  if (entry.code !== undefined) parts.push(`code=${entry.code}`);
  if (entry.requestId !== undefined) parts.push(`requestId=${entry.requestId}`);
  parts.push(`${Math.round(entry.latencyMs)} ms`);
  if (entry.attempt > 1) parts.push(`attempt=${entry.attempt}`);
  parts.push(entry.outcome);
  return parts.join(' ');
}
