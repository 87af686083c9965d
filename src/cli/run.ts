/**
 * The whole CLI as a function of (argv, io) → exit code, so it runs the same in a test and in a
 * process. Every failure ends as one line on stderr, never a stack trace:
 *   0 success · 1 API, network or response error · 2 usage or invalid input (before any request)
 *   3 no usable credentials · 130 interrupted.
 */
import { isVodError, type VodError } from '../vod/errors';
import { redactText } from '../vod/redact';
import { USAGE, UsageError, parseArgs, type Command } from './args';
import type { CommandIo, ExitCode } from './commands/io';
import { runDelete } from './commands/delete';
import { runDownload } from './commands/download';
import { runInfo } from './commands/info';
import { runPlayUrl } from './commands/playUrl';
import { runSearch } from './commands/search';
import { runUpdate } from './commands/update';
import { runUpload } from './commands/upload';
import { runUrl } from './commands/url';
import { terminalSafe } from './format';
import { openSession, type SessionIo } from './session';
import type { VodApi } from '../vod/api';

export interface CliIo extends SessionIo {
  readonly stdout: (text: string) => void;
  readonly signal?: AbortSignal | undefined;
  readonly now?: (() => Date) | undefined;
  readonly version: string;
}

export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`vodimg: ${terminalSafe(error.message)}`);
    io.stderr('Run "vodimg --help" for usage.');
    return 2;
  }
  if (parsed.kind === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'version') {
    io.stdout(`${io.version}\n`);
    return 0;
  }

  let session: Awaited<ReturnType<typeof openSession>> | undefined;
  try {
    session = await openSession(parsed.global, io);
    const commandIo: CommandIo = { stdout: io.stdout, stderr: io.stderr, signal: io.signal, now: io.now ?? (() => new Date()) };
    return await dispatch(parsed, session.client, commandIo);
  } catch (error) {
    return report(error, io);
  } finally {
    await session?.close();
  }
}

function dispatch(command: Command, api: VodApi, io: CommandIo): Promise<ExitCode> {
  switch (command.kind) {
    case 'info':
      return runInfo(command, api, io);
    case 'url':
      return runUrl(command, api, io);
    case 'search':
      return runSearch(command, api, io);
    case 'play-url':
      return runPlayUrl(command, api, io);
    case 'upload':
      return runUpload(command, api, io);
    case 'update':
      return runUpdate(command, api, io);
    case 'delete':
      return runDelete(command, api, io);
    case 'download':
      return runDownload(command, api, io);
  }
}

function report(error: unknown, io: CliIo): ExitCode {
  if (isVodError(error)) {
    io.stderr(`vodimg: ${terminalSafe(error.toLine())}`);
    return exitCodeFor(error);
  }
  // A bug, not a user problem: still one line, and scrubbed in case it quotes a URL.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`vodimg: unexpected error: ${terminalSafe(redactText(message))}`);
  return 1;
}

function exitCodeFor(error: VodError): ExitCode {
  switch (error.kind) {
    case 'noCredentials':
      return 3;
    case 'cancelled':
      return 130;
    case 'invalidInput':
      // Our own checks (endpoint, region, parameters) carry no HTTP status; the server's do.
      return error.httpStatus === undefined ? 2 : 1;
    default:
      return 1;
  }
}
