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

  /**
   * The index changed these IDs (added, moved or gone). The moved ones are taken out (only when some
   * were placed before) and merged back in one pass from the end, in place, each at the position a
   * binary search found: no copy of the order, and no splice per ID (each moved the rest of the 20,000
   * IDs: tens of ms per change in the host during a large scan).
   */
  changed(ids: readonly string[]): void {
    const order = this.order;
    if (order === undefined) return;
    const placedBefore = new Set<string>();
    const inserts: { readonly id: string; readonly at: Occurrence }[] = [];
    for (const id of ids) {
      const at = this.index.firstOccurrenceOf(id);
      const was = this.placed.get(id);
      if (at && was && samePlace(at, was)) continue;
      if (was) placedBefore.add(id);
      if (at) inserts.push({ id, at });
    }
    let kept = order.length;
    if (placedBefore.size > 0) {
      kept = 0;
      for (const id of order) if (!placedBefore.has(id)) order[kept++] = id;
      for (const id of placedBefore) this.placed.delete(id);
    }
    if (inserts.length === 0) {
      order.length = kept;
      return;
    }
    inserts.sort((a, b) => compare(a.at, b.at));
    // Where each goes among the kept IDs (after equal ones); `placed` is current for all of them.
    const positions = inserts.map(({ at }) => {
      let low = 0;
      let high = kept;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (compare(this.placed.get(order[mid]!)!, at) <= 0) low = mid + 1;
        else high = mid;
      }
      return low;
    });
    const length = kept + inserts.length;
    // Grown by push, not by length: an array grown by length has holes, and V8 then treats it as holey for good.
    if (length < order.length) order.length = length;
    while (order.length < length) order.push('');
    let from = kept - 1;
    let to = length - 1;
    for (let j = inserts.length - 1; j >= 0; j--) {
      while (from >= positions[j]!) order[to--] = order[from--]!;
      order[to--] = inserts[j]!.id;
      this.placed.set(inserts[j]!.id, inserts[j]!.at);
    }
  }
}
