/**
 * Local file problems of uploads and downloads as VodErrors (`invalidInput`: exit code 2 in the CLI).
 * They name the file by its base name only, printable and short: the full path may hold a user name,
 * and errors travel to notifications and terminals.
 */
import { basename } from 'node:path';
import { VodError } from './errors';

export function shownFileName(path: string): string {
  const name = basename(path).replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?');
  return `"${name.length > 60 ? `${name.slice(0, 60)}…` : name}"`;
}

const WHY: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist',
  EACCES: 'is not accessible (permission denied)',
  EPERM: 'is not accessible (permission denied)',
  ENOSPC: 'cannot be written: the disk is full',
  EEXIST: 'already exists; it was not overwritten',
};

/** `"name" <why>.`; `why` from the error's errno code unless given. */
export function fileError(path: string, error: unknown, why?: string): VodError {
  const code = (error as { code?: unknown } | undefined)?.code;
  const text = why ?? (typeof code === 'string' && WHY[code]) ?? 'cannot be read or written';
  return new VodError('invalidInput', `${shownFileName(path)} ${text}.`, { code: typeof code === 'string' ? code : undefined, cause: error });
}
