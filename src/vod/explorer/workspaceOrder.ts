/**
 * The order of This Workspace: IDs by where each first occurs (file, then line, then column), so rows
 * keep their place while titles arrive and follow the order of the files. Kept through index changes by
 * moving only the changed IDs: a scan changes a few hundred at a time, and re-sorting thousands of IDs
 * (comparing long paths) on every change blocked the extension host for tens of ms. A change to most of
 * the IDs drops the order instead, for one full sort when it is next asked for.
 */
import { compareStrings, type Occurrence } from '../scan/workspaceIndex';

export interface OrderedIndex {
  ids(): string[];
  has(id: string): boolean;
  firstOccurrenceOf(id: string): Occurrence | undefined;
}

function compare(x: Occurrence, y: Occurrence): number {
  return compareStrings(x.file, y.file) || x.line - y.line || x.character - y.character;
}

export class WorkspaceOrder {
  private order: string[] | undefined;

  constructor(private readonly index: OrderedIndex) {}

  ids(): string[] {
    if (this.order === undefined) {
      const first = new Map(this.index.ids().map((id) => [id, this.index.firstOccurrenceOf(id)!]));
      this.order = [...first.keys()].sort((a, b) => compare(first.get(a)!, first.get(b)!));
    }
    return this.order;
  }

  /** The index changed these IDs (added, moved or gone). */
  changed(ids: readonly string[]): void {
    const order = this.order;
    if (order === undefined) return;
    if (ids.length * 4 > order.length) {
      this.order = undefined;
      return;
    }
    const moved = new Set(ids);
    const kept = order.filter((id) => !moved.has(id));
    for (const id of moved) {
      const at = this.index.firstOccurrenceOf(id);
      if (at === undefined) continue;
      let low = 0;
      let high = kept.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (compare(this.index.firstOccurrenceOf(kept[mid]!)!, at) <= 0) low = mid + 1;
        else high = mid;
      }
      kept.splice(low, 0, id);
    }
    this.order = kept;
  }
}
