/**
 * Progress for uploads and downloads: one cancellable notification for a batch of files, a line per
 * file with bytes ("cat.png — 1.2 MB of 8 MB"), and the bar advancing by each file's share.
 */
import * as vscode from 'vscode';
import { formatBytes } from '../../vod/render/format';

export interface FileProgress {
  /** Bytes done of the current file (total when known). */
  bytes(done: number, total: number | undefined): void;
  /** A line for the current file without bytes (e.g. "processing"). */
  say(text: string): void;
}

/**
 * Runs `each` for every item under one notification; the signal aborts when the user cancels, and no
 * further item starts. `each` should end quietly when cancelled, so that the caller still reports the
 * items finished before (a batch cancelled at its fifth file has uploaded four).
 */
export function withFileProgress<T>(
  title: string,
  items: readonly T[],
  name: (item: T) => string,
  each: (item: T, progress: FileProgress, signal: AbortSignal) => Promise<void>,
): Thenable<void> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const listener = token.onCancellationRequested(() => controller.abort());
    try {
      for (const [index, item] of items.entries()) {
        if (controller.signal.aborted) return;
        const prefix = items.length > 1 ? `(${index + 1}/${items.length}) ${name(item)}` : name(item);
        let shown = 0;
        const share = 100 / items.length;
        const file: FileProgress = {
          bytes(done, total) {
            const fraction = total ? Math.min(1, done / total) : 0;
            const increment = fraction * share - shown;
            shown += Math.max(0, increment);
            const amount = total === undefined ? formatBytes(done) : vscode.l10n.t('{0} of {1}', formatBytes(done), formatBytes(total));
            progress.report({ message: `${prefix} — ${amount}`, increment: Math.max(0, increment) });
          },
          say(text) {
            progress.report({ message: `${prefix} — ${text}` });
          },
        };
        await each(item, file, controller.signal);
        progress.report({ increment: share - shown });
      }
    } finally {
      listener.dispose();
    }
  });
}
