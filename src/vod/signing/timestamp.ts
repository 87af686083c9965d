/** `yyyy-MM-ddTHH:mm:ssZ` in UTC: the form both `Timestamp` (V1) and `x-acs-date` (V3) require. */
export function formatAcsTimestamp(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('Cannot sign a request with an invalid date.');
  // The gateway rejects fractional seconds.
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
