/**
 * A value made on first use and kept. For module-level objects that are costly to construct (zod
 * schemas, Intl services) but not needed while the extension activates.
 */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
