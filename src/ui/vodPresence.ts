/**
 * Whether this workspace has shown any sign of using VOD: an image ID in an editor, a scan that found
 * IDs, a lookup. The status bar entry waits for such a sign (or a stored profile) so that windows that
 * never touch VOD stay quiet. Remembered in workspace state, so a workspace that held IDs once shows
 * the entry right at the next start, before anything is scanned.
 */
import * as vscode from 'vscode';

export const PRESENCE_STATE_KEY = 'vodImages.workspaceUsesVod';

export class VodPresence implements vscode.Disposable {
  private seen: boolean;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires once, the first time a sign is noted in this workspace. */
  readonly onDidSee = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {
    this.seen = state.get<unknown>(PRESENCE_STATE_KEY) === true;
  }

  get hasSeenIds(): boolean {
    return this.seen;
  }

  note(): void {
    if (this.seen) return;
    this.seen = true;
    void this.state.update(PRESENCE_STATE_KEY, true);
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
