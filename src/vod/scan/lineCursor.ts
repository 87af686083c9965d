/**
 * Turns increasing offsets into (line, character) positions with one forward walk over the text,
 * counting only the line breaks between one offset and the next. Line breaks are what VS Code's
 * text model uses: `\r\n`, `\n` and a lone `\r`; characters are UTF-16 code units, as in
 * `vscode.Position`.
 *
 * The next break of each kind is remembered, so a minified one-line file with thousands of IDs is
 * not searched to its end once per ID.
 */
export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

export class LineCursor {
  private line = 0;
  private lineStart = 0;
  /** Next `\n` / `\r` at or after `lineStart` (-1: none left), found lazily. */
  private nextLf: number;
  private nextCr: number;

  constructor(private readonly text: string) {
    this.nextLf = text.indexOf('\n');
    this.nextCr = text.indexOf('\r');
  }

  /** The position of `offset`; offsets must not decrease between calls. */
  positionOf(offset: number): LinePosition {
    for (;;) {
      const lineBreak = this.nextBreak();
      if (lineBreak === -1 || lineBreak >= offset) break;
      const width = this.text.charCodeAt(lineBreak) === 0x0d && this.text.charCodeAt(lineBreak + 1) === 0x0a ? 2 : 1;
      this.line += 1;
      this.lineStart = lineBreak + width;
    }
    return { line: this.line, character: offset - this.lineStart };
  }

  /** The first line break at or after `lineStart`. */
  private nextBreak(): number {
    if (this.nextLf !== -1 && this.nextLf < this.lineStart) this.nextLf = this.text.indexOf('\n', this.lineStart);
    if (this.nextCr !== -1 && this.nextCr < this.lineStart) this.nextCr = this.text.indexOf('\r', this.lineStart);
    if (this.nextLf === -1) return this.nextCr;
    if (this.nextCr === -1) return this.nextLf;
    return Math.min(this.nextLf, this.nextCr);
  }
}
