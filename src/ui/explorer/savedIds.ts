/**
 * Recent and Pinned, persisted in globalState so they survive restarts (and follow Settings Sync's
 * rules for global state: not synced unless registered). The lists themselves are the core's.
 */
import type * as vscode from 'vscode';
import { PinnedSet, type PinResult } from '../../vod/explorer/pinnedSet';
import { RecentList } from '../../vod/explorer/recentList';

export const RECENT_STATE_KEY = 'vodImages.explorer.recent';
export const PINNED_STATE_KEY = 'vodImages.explorer.pinned';

export class SavedIds {
  readonly recent: RecentList;
  readonly pinned: PinnedSet;

  constructor(private readonly state: vscode.Memento) {
    this.recent = RecentList.restore(state.get<unknown>(RECENT_STATE_KEY));
    this.pinned = PinnedSet.restore(state.get<unknown>(PINNED_STATE_KEY));
  }

  /** Returns whether the Recent list changed. */
  async noteLookedUp(ids: readonly string[]): Promise<boolean> {
    let changed = false;
    // The first ID given ends up first: add them last to first.
    for (const id of [...ids].reverse()) changed = this.recent.add(id) || changed;
    if (changed) await this.state.update(RECENT_STATE_KEY, this.recent.toJSON());
    return changed;
  }

  async pin(id: string): Promise<PinResult> {
    const result = this.pinned.pin(id);
    if (result === 'pinned') await this.state.update(PINNED_STATE_KEY, this.pinned.toJSON());
    return result;
  }

  /** Drops deleted images from Recent and Pinned; returns whether either changed. */
  async forget(ids: readonly string[]): Promise<boolean> {
    let recent = false;
    let pinned = false;
    for (const id of ids) {
      recent = this.recent.remove(id) || recent;
      pinned = this.pinned.unpin(id) || pinned;
    }
    if (recent) await this.state.update(RECENT_STATE_KEY, this.recent.toJSON());
    if (pinned) await this.state.update(PINNED_STATE_KEY, this.pinned.toJSON());
    return recent || pinned;
  }

  async unpin(id: string): Promise<boolean> {
    const removed = this.pinned.unpin(id);
    if (removed) await this.state.update(PINNED_STATE_KEY, this.pinned.toJSON());
    return removed;
  }
}
