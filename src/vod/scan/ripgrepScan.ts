/**
 * A workspace folder scanned by ripgrep: one process lists, filters (globs, size, binary) and
 * searches every file on its own threads, and this thread only reads the lines it prints
 * (ripgrepLines.ts). Several times faster than reading every file into JavaScript, and the
 * extension host's event loop only sees lines that hold candidates.
 *
 * The binary is the one the editor ships (the caller finds it); it runs with a fixed argv from
 * ripgrepArgs.ts, no shell, the folder as working directory, and `RIPGREP_CONFIG_PATH` removed.
 *
 * The promise settles once ripgrep exits: with the number of files reported, or a `cancelled`
 * VodError when `signal` aborted (the process is killed), or a `RipgrepFailed` error when ripgrep
 * could not run or refused the arguments before printing anything; the caller then falls back to
 * the built-in scanner.
 */
import { spawn } from 'node:child_process';
import { VodError } from '../errors';
import { msg } from '../messages';
import { ripgrepArgs, type RipgrepScanRules, type RipgrepWhere } from './ripgrepArgs';
import { RipgrepLineReader, type RipgrepFile } from './ripgrepLines';
import { isInsideAny } from './nestedFolders';

export interface RipgrepScanOptions extends RipgrepScanRules, RipgrepWhere {
  /** The ripgrep executable (absolute path). */
  readonly rgPath: string;
  /** The folder to scan (file system path); printed paths are relative to it. */
  readonly cwd: string;
  readonly signal?: AbortSignal | undefined;
  /** Every file with at least one candidate line, as soon as ripgrep has printed it. */
  readonly onFile: (file: RipgrepFile) => void;
}

export interface RipgrepSummary {
  /** Files with candidate lines. */
  readonly files: number;
  readonly occurrences: number;
  /** ripgrep reported a problem (exit 2, e.g. an unreadable file) after printing results. */
  readonly partial: boolean;
}

/** ripgrep could not do the scan; nothing was reported. */
export class RipgrepFailed extends Error {}

/** Only the start of stderr is kept: ripgrep cannot flood the host's memory with messages. */
const MAX_STDERR = 4096;
/**
 * The longest stretch, in ms, that reading ripgrep's output holds the event loop before it lets other
 * work run (a hover should not wait more than a few ms behind a scan).
 */
export const READ_SLICE_MS = 3;

export function scanWithRipgrep(options: RipgrepScanOptions): Promise<RipgrepSummary> {
  const plan = ripgrepArgs(options, options);
  if (!plan.ok) return Promise.reject(new RipgrepFailed(plan.reason));
  if (options.signal?.aborted) return Promise.reject(cancelled());
  const env = { ...process.env };
  delete env.RIPGREP_CONFIG_PATH;
  return new Promise((resolve, reject) => {
    let files = 0;
    let occurrences = 0;
    let callbackFailure: { error: unknown } | undefined;
    const stopped = (): boolean => callbackFailure !== undefined || options.signal?.aborted === true;
    const reader = new RipgrepLineReader(options.idPattern, (file) => {
      // Nothing more is reported once the caller failed or stopped the scan, even from the same turn.
      if (stopped()) return;
      // Inside a nested workspace folder that no glob could keep ripgrep out of: that folder's own scan reads it.
      if (options.skip && isInsideAny(file.path, options.skip)) return;
      files += 1;
      occurrences += file.occurrences.length;
      try {
        options.onFile(file);
      } catch (error) {
        callbackFailure ??= { error };
        child.kill();
      }
    });
    const child = spawn(options.rgPath, plan.args, { cwd: options.cwd, env, shell: false, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const abort = (): void => void child.kill();
    options.signal?.addEventListener('abort', abort, { once: true });
    // Output is read in turns of at most READ_SLICE_MS: a chunk holds hundreds of lines, and the index
    // work per file (onFile) runs in the same turn, so reading a chunk at once blocked the host's event
    // loop (hovers, the tree) for 10-30 ms at a time. While a turn's rest waits, stdout is paused, so
    // ripgrep waits on the pipe and unread output cannot pile up in memory.
    let reading = false;
    let closedWith: { code: number | null } | undefined;
    const read = (): void => {
      if (!stopped() && !reader.drain(performance.now() + READ_SLICE_MS)) return void setImmediate(read);
      reading = false;
      if (closedWith) return finish(closedWith.code);
      child.stdout.resume();
    };
    child.stdout.on('data', (chunk: Buffer) => {
      if (stopped()) return;
      reader.feed(chunk);
      if (reading) return;
      reading = true;
      child.stdout.pause();
      // Read in a turn of its own, not on arrival: libuv hands a pipe's reads over up to 32 at a time,
      // and reading each as it came held timers (a hover) back for all of them.
      setImmediate(read);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR) stderr += chunk.toString('utf8').slice(0, MAX_STDERR - stderr.length);
    });
    child.on('error', (error) => {
      options.signal?.removeEventListener('abort', abort);
      reject(new RipgrepFailed(`ripgrep could not start: ${error.message}`));
    });
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', abort);
      // Output still being read is read first (a stopped scan's reading ends at its next turn).
      if (reading) closedWith = { code };
      else finish(code);
    });
    const finish = (code: number | null): void => {
      if (options.signal?.aborted) return reject(cancelled());
      if (!callbackFailure) reader.end();
      if (callbackFailure) return reject(callbackFailure.error);
      // 0: matches, 1: none, 2: an error (with whatever was found before it).
      if (code === 0 || code === 1) return resolve({ files, occurrences, partial: false });
      if (code === 2 && files > 0) return resolve({ files, occurrences, partial: true });
      reject(new RipgrepFailed(`ripgrep exited with ${code ?? 'a signal'}${stderr ? `: ${stderr.trim().split('\n')[0]}` : ''}`));
    };
  });
}

function cancelled(): VodError {
  return new VodError('cancelled', msg('cancel.scan'));
}
