/**
 * The form of an AccessKey ID that may be shown and kept in global state: enough to tell two keys apart,
 * not enough to use one. `LTAI5tAbCdEfGhIjKlMn1234` → `LTAI…1234`.
 */
export function maskKeyId(accessKeyId: string): string {
  const id = accessKeyId.trim();
  // At most a third of the characters show (four at each end of a real 24-character ID), so a short
  // test key is never shown whole.
  const visible = Math.min(4, Math.floor(id.length / 6));
  if (visible === 0) return '…';
  return `${id.slice(0, visible)}…${id.slice(-visible)}`;
}
