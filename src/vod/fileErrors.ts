/**
 * Local file problems of uploads and downloads as VodErrors (`invalidInput`: exit code 2 in the CLI).
 * They name the file by its base name only, printable and short: the full path may hold a user name,
 * and errors travel to notifications and terminals.
 */
import { basename } from 'node:path';
import { VodError } from './errors';
import { msg, type Message } from './messages';

export function shownFileName(path: string): string {
  const name = basename(path).replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?');
  return `"${name.length > 60 ? `${name.slice(0, 60)}…` : name}"`;
}

const WHY: Readonly<Record<string, Message>> = {
  ENOENT: msg('file.notFound'),
  EACCES: msg('file.denied'),
  EPERM: msg('file.denied'),
  ENOSPC: msg('file.diskFull'),
  EEXIST: msg('file.exists'),
};

/** `"name" <why>.`; `why` from the error's errno code unless given. */
export function fileError(path: string, error: unknown, why?: Message): VodError {
  const code = (error as { code?: unknown } | undefined)?.code;
  const reason = why ?? (typeof code === 'string' ? WHY[code] : undefined) ?? msg('file.unusable');
  return new VodError('invalidInput', msg('file.problem', { file: shownFileName(path), why: reason }), { code: typeof code === 'string' ? code : undefined, cause: error });
}
