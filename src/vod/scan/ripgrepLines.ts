/**
 * Reads ripgrep's output (`path NUL line-number : text LF`, one line per matching line, see
 * ripgrepArgs.ts) and turns it into each file's occurrences, found on each printed line by the same
 * `scanText` the built-in scanner runs, so both paths agree on what an ID is (case, word edges, the
 * `auth_key` hash) and on positions (UTF-16 columns of the decoded line; ripgrep already dropped a
 * UTF-8 BOM and decoded UTF-16 files, as decodeText does).
 *
 * ripgrep prints a file's lines together (each file is searched into its own buffer), so a file is
 * complete when the next path starts. Bytes are cut at LF only: a UTF-8 sequence never holds a LF
 * byte, and no chunk is decoded across a line, so nothing is copied but the line being read.
 */
import { DEFAULT_ID_PATTERN } from '../imageIds';
import { isAscii, isUtf8 } from 'node:buffer';
import { findDefaultPatternIds, findDefaultPatternIdsInAsciiBytes } from './defaultPatternIds';
import { scanText, type TextOccurrence } from './scanText';

const LF = 0x0a;
const NUL = 0x00;
const COLON = 0x3a;
const CR = 0x0d;

export interface RipgrepFile {
  /** As ripgrep printed it, relative to its working directory, `./` dropped, `/`-separated. */
  readonly path: string;
  readonly occurrences: readonly TextOccurrence[];
  /**
   * A line had a CR of its own (not CRLF): VS Code numbers lines differently there, so this file must
   * be read again by the built-in scanner; `occurrences` is empty then.
   */
  readonly needsExactScan: boolean;
}

export class RipgrepLineReader {
  /** The pieces of a line not yet ended, in order. */
  private carry: Buffer[] = [];
  /** Chunks not yet read, in order. */
  private readonly queue: Buffer[] = [];
  /** The chunk being read (carry joined in front), and where its next line starts. */
  private data: Buffer | undefined;
  private start = 0;
  private path: string | undefined;
  /**
   * The start of a file name that holds line feeds, up to and with the last one: ripgrep prints names
   * raw, so such a name arrives as lines without a NUL before the line that completes it.
   */
  private pathHead = '';
  private pathHeadIsUtf8 = true;
  /**
   * The file's name is not UTF-8 (Linux allows any bytes): decoded, it names no file, so the editor could
   * not open it and the built-in scanner cannot read it. Its lines are skipped and it is not reported.
   */
  private badName = false;
  private occurrences: TextOccurrence[] = [];
  private loneCr = false;

  constructor(
    private readonly idPattern: string,
    private readonly onFile: (file: RipgrepFile) => void,
  ) {}

  /** One chunk of ripgrep's stdout, queued: `drain` reads it. */
  feed(chunk: Buffer): void {
    this.queue.push(chunk);
  }

  /**
   * Reads queued output until it is all read (true) or `deadline` (a `performance.now()` time) has
   * passed (false; call again later to go on where it stopped). Checked after every line, so one call
   * runs past the deadline by at most one line and the file it completes: the caller can keep each
   * turn of the event loop short however much ripgrep prints.
   */
  drain(deadline = Infinity): boolean {
    for (;;) {
      if (this.data === undefined) {
        const chunk = this.queue.shift();
        if (chunk === undefined) return true;
        this.data = this.withCarry(chunk);
        this.start = 0;
        if (this.data === undefined) continue;
      }
      const data = this.data;
      let start = this.start;
      for (let end = data.indexOf(LF, start); end !== -1; end = data.indexOf(LF, start)) {
        this.line(data, start, end);
        start = end + 1;
        if (performance.now() >= deadline) {
          this.start = start;
          return false;
        }
      }
      // A copy: the rest of a line must not pin the whole chunk.
      if (start < data.length) this.carry.push(Buffer.from(data.subarray(start)));
      this.data = undefined;
    }
  }

  /** ripgrep's output ended: what is queued is read, and the last file is complete (a cut-off last line is ignored). */
  end(): void {
    this.drain();
    this.carry = [];
    this.finishFile();
  }

  /** The chunk with the unfinished line before it; undefined while that line goes on past this chunk. */
  private withCarry(chunk: Buffer): Buffer | undefined {
    if (this.carry.length === 0) return chunk;
    // A long line (a minified file's) spans many chunks: its pieces are joined once, when its LF
    // arrives, not on every chunk (that copied the line over and over: megabytes of garbage per file).
    if (chunk.indexOf(LF) === -1) {
      this.carry.push(chunk);
      return undefined;
    }
    const data = Buffer.concat([...this.carry, chunk]);
    this.carry = [];
    return data;
  }

  private line(data: Buffer, start: number, end: number): void {
    const nul = data.indexOf(NUL, start);
    if (nul === -1 || nul > end) {
      // Only match lines are printed, each `path NUL …`: a line without one is a piece of a file name
      // with a line feed in it. The name's end comes on a later line (a UTF-8 character never holds a LF byte).
      this.pathHead += `${data.toString('utf8', start, end)}\n`;
      this.pathHeadIsUtf8 &&= isUtf8(data.subarray(start, end));
      return;
    }
    let pos = nul + 1;
    let lineNumber = 0;
    while (pos < end && data[pos] !== COLON) lineNumber = lineNumber * 10 + (data[pos++]! - 48);
    const nameIsUtf8 = this.pathHeadIsUtf8 && isUtf8(data.subarray(start, nul));
    const head = this.pathHead;
    this.pathHead = '';
    this.pathHeadIsUtf8 = true;
    if (pos >= end || lineNumber < 1) return;
    // A string per line, not a copy of the path's bytes per file: most files have one matching line.
    const path = withoutDotSlash(head + data.toString('utf8', start, nul));
    if (path !== this.path) {
      this.finishFile();
      this.path = path;
      this.badName = !nameIsUtf8;
    }
    if (this.loneCr || this.badName) return;
    if (this.idPattern === DEFAULT_ID_PATTERN && isAscii(data.subarray(pos + 1, end))) {
      this.matchAsciiLine(data, pos + 1, end, lineNumber - 1);
      return;
    }
    const text = data.toString('utf8', pos + 1, end);
    const cr = text.indexOf('\r');
    if (cr !== -1 && cr !== text.length - 1) {
      this.loneCr = true;
      return;
    }
    this.matchLine(text, lineNumber - 1);
  }

  /**
   * An ASCII line (nearly every line): searched as bytes, never decoded (see
   * findDefaultPatternIdsInAsciiBytes). No string per line, and a minified file's megabyte line is
   * never one string.
   */
  private matchAsciiLine(data: Buffer, from: number, to: number, line: number): void {
    const cr = data.indexOf(CR, from);
    if (cr !== -1 && cr < to - 1) {
      this.loneCr = true;
      return;
    }
    for (const m of findDefaultPatternIdsInAsciiBytes(data, from, to)) this.occurrences.push({ id: m.id, line, character: m.start, length: m.end - m.start });
  }

  /** The line holds no line break, so a match's offset is its column (no LineCursor needed for the default pattern). */
  private matchLine(text: string, line: number): void {
    if (this.idPattern === DEFAULT_ID_PATTERN) {
      for (const m of findDefaultPatternIds(text)) this.occurrences.push({ id: m.id, line, character: m.start, length: m.end - m.start });
      return;
    }
    for (const o of scanText(text, this.idPattern)) this.occurrences.push({ id: o.id, line, character: o.character, length: o.length });
  }

  private finishFile(): void {
    if (this.path === undefined) return;
    const file = { path: this.path, occurrences: this.loneCr ? [] : this.occurrences, needsExactScan: this.loneCr };
    const report = !this.badName;
    this.path = undefined;
    this.occurrences = [];
    this.loneCr = false;
    this.badName = false;
    if (report) this.onFile(file);
  }
}

/** ripgrep prints paths under `.` as `./…`; the index keeps them relative. */
function withoutDotSlash(path: string): string {
  return path.startsWith('./') ? path.slice(2) : path;
}
