/**
 * Work over a list with at most `limit` tasks in flight: the scan's file-system questions (what a
 * changed path is now) go out in parallel, but a branch switch's thousands of paths must not open
 * thousands of requests at once.
 */

/**
 * Runs `task` for each item, starting them in order, at most `limit` at a time, and settles when all
 * started tasks have. Once `stop()` returns true no further task starts (those running finish). A
 * task's rejection rejects the whole; the others still run to their end.
 */
export async function eachWithLimit<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !stop()) {
      const index = next++;
      await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
}
