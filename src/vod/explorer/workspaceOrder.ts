/**
 * The order of This Workspace: IDs by where each first occurs (file, then line, then column), so rows
 * keep their place while titles arrive and follow the order of the files. Kept through index changes by
 * moving only the changed IDs: a scan changes a few hundred at a time, and re-sorting thousands of IDs
 * (comparing long paths) on every change blocked the extension host for tens of ms. An ID whose first
 * occurrence did not move (most changes of a scan: one more file, later in the order, holds it) keeps its
 * place without a copy of the order: a 200,000-file scan otherwise allocated hundreds of MB in copies.
 * A change to most of the IDs drops the order instead, for one full sort when it is next asked for.
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

function samePlace(x: Occurrence, y: Occurrence): boolean {
  return x.file === y.file && x.line === y.line && x.character === y.character;
}

export class WorkspaceOrder {
  private order: string[] | undefined;
  /** Where each ID of `order` was placed: its first occurrence then. */
  private readonly placed = new Map<string, Occurrence>();

  constructor(private readonly index: OrderedIndex) {}

  /** The order itself, kept in place (read it, or copy it: it changes with the index). */
  ids(): readonly string[] {
    if (this.order === undefined) {
      this.placed.clear();
      for (const id of this.index.ids()) this.placed.set(id, this.index.firstOccurrenceOf(id)!);
      this.order = [...this.placed.keys()].sort((a, b) => compare(this.placed.get(a)!, this.placed.get(b)!));
    }
    return this.order;
  }

  /** The index changed these IDs (added, moved or gone). */
  changed(ids: readonly string[]): void {
    const order = this.order;
    if (order === undefined) return;
    const moved = new Map<string, Occurrence | undefined>();
    for (const id of ids) {
      const at = this.index.firstOccurrenceOf(id);
      const was = this.placed.get(id);
      if (!(at && was && samePlace(at, was))) moved.set(id, at);
    }
    if (moved.size === 0) return;
    if (moved.size * 4 > order.length) {
      this.order = undefined;
      return;
    }
    // In place: a copy of 20,000 IDs per change was most of what a large scan allocated.
    let kept = 0;
    for (const id of order) if (!moved.has(id)) order[kept++] = id;
    order.length = kept;
    for (const [id, at] of moved) {
      if (at === undefined) {
        this.placed.delete(id);
        continue;
      }
      this.placed.set(id, at);
      let low = 0;
      let high = order.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        // `placed` is current for every kept ID: the unmoved ones did not move, the moved ones were just placed.
        if (compare(this.placed.get(order[mid]!)!, at) <= 0) low = mid + 1;
        else high = mid;
      }
      order.splice(low, 0, id);
    }
  }
}
