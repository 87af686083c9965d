/**
 * A copy of a short string that owns its characters.
 *
 * V8 makes `text.slice(…)` (and a regex match) a view into `text` once it is 13 characters or more:
 * an ID found in a file keeps the whole file's text alive for as long as the ID is kept. The
 * workspace index keeps IDs for the life of the window, so every scanned file with an ID, or every
 * ripgrep line, stayed in the heap (a 1 MB file for one 32-character ID), and each young-generation
 * collection during a scan copied those texts again. IDs are copied through this before they are kept.
 */
import { Buffer } from 'node:buffer';

/** Highest code unit `latin1` round-trips: one byte per character, as V8 stores the string anyway. */
const LATIN1_MAX = 0xff;

export function ownedCopy(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > LATIN1_MAX) return Buffer.from(text, 'utf16le').toString('utf16le');
  }
  return Buffer.from(text, 'latin1').toString('latin1');
}
