/** What a command may touch: output streams, cancellation (Ctrl-C) and the time for expiry texts. */
export interface CommandIo {
  /** Writes text to stdout as is. */
  readonly stdout: (text: string) => void;
  /** Writes one line to stderr. */
  readonly stderr: (line: string) => void;
  readonly signal: AbortSignal | undefined;
  readonly now: () => Date;
}

export type ExitCode = 0 | 1 | 2 | 3 | 130;
