/**
 * Writes the client's structured request entries, and any other diagnostic line, to the "VOD Images"
 * log channel. Entries cannot carry a secret by construction, but every line still passes through
 * `redactText` against the secrets in use: free text (error messages, settings values) could echo one,
 * and signed URLs lose their query strings.
 */
import type * as vscode from 'vscode';
import { formatRequestLogEntry, type Logger, type RequestLogEntry } from '../vod/log';
import { redactText } from '../vod/redact';
import type { FeatureLog } from './services';

type ChannelSink = Pick<vscode.LogOutputChannel, 'trace' | 'debug' | 'info' | 'warn' | 'error'>;

/** The strings that must never be written: the current secret and STS token (the caller keeps it current). */
export type SecretsInUse = () => readonly string[];

/**
 * The log every feature (and the core's request log) writes through. The raw channel is never handed
 * out: an unexpected error's message can quote a request, a URL or a credential file.
 */
export function createRedactingChannel(channel: ChannelSink, secrets: SecretsInUse): FeatureLog {
  const clean = (line: string): string => redactText(line, [...secrets()]);
  return {
    trace: (line) => channel.trace(clean(line)),
    debug: (line) => channel.debug(clean(line)),
    info: (line) => channel.info(clean(line)),
    warn: (line) => channel.warn(clean(line)),
    error: (line) => channel.error(clean(line)),
  };
}

/** One line per HTTP attempt; retries and clock-skew corrections are warnings, final failures errors. */
export function createRequestLogSink(logger: Logger): (entry: RequestLogEntry) => void {
  return (entry) => {
    const line = formatRequestLogEntry(entry);
    switch (entry.outcome) {
      case 'ok':
        logger.info(line);
        return;
      case 'retry':
      case 'skew':
        logger.warn(line);
        return;
      case 'error':
        logger.error(line);
        return;
    }
  };
}
