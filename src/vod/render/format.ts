/**
 * Human formats for the values an ImageInfo carries. Pure and locale-aware where it matters, so the
 * hover, the panel and the CLI show the same thing.
 */

const BYTE_UNITS = ['KB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * Binary multiples (1 KB = 1024 bytes) with the short unit names VS Code itself uses for file
 * sizes, so "8.7 KB" here means what it means in the editor's explorer. One decimal, dropped when it
 * is zero ("512 KB", "1 MB"). A value that is not a count of bytes (negative, fractional, NaN) is
 * returned as it is rather than dressed up as a size.
 */
export function formatBytes(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 1024) return `${n} B`;
  let value = n / 1024;
  let unit = 0;
  // Carry on rounding: 1023.96 KB is shown as "1 MB", never as "1024 KB".
  while (unit < BYTE_UNITS.length - 1 && Math.round(value * 10) / 10 >= 1024) {
    value /= 1024;
    unit += 1;
  }
  const rounded = (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');
  return `${rounded} ${BYTE_UNITS[unit]}`;
}

/** "1920×1080", or undefined unless both sides are known non-negative numbers. */
export function formatDimensions(width: number | undefined, height: number | undefined): string | undefined {
  if (!isDimension(width) || !isDimension(height)) return undefined;
  return `${width}×${height}`;
}

function isDimension(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export interface FormattedDate {
  /** In the viewer's time zone and locale, e.g. "Jun 1, 2024, 10:30:05 AM". */
  readonly local: string;
  /** Always "2024-06-01 02:30:05 UTC": unambiguous, for tooltips and bug reports. */
  readonly utc: string;
}

/**
 * The API's `yyyy-MM-ddTHH:mm:ssZ` (fractions and numeric offsets accepted). A time without a zone
 * is refused on purpose: `Date` would read it as local time, silently shifting it by the viewer's
 * offset.
 */
const ISO_WITH_ZONE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Local and UTC renderings of an ISO date-time; anything else (invalid, zone-less, out-of-range
 * fields like month 13) comes back unchanged in both, so the viewer still sees what the API sent.
 * `timeZone` exists for tests and for users who pin one; the default is the runtime's.
 */
export function formatDate(iso: string, locale?: string, timeZone?: string): FormattedDate {
  const date = parseIsoDate(iso);
  if (!date) return { local: iso, utc: iso };
  let local: string;
  try {
    local = date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone });
  } catch {
    // An unknown locale tag or time zone from a setting must not break rendering.
    local = date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  }
  return { local, utc: `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC` };
}

/** The Date an ISO date-time denotes, or undefined when the text is not one. */
export function parseIsoDate(iso: string): Date | undefined {
  const match = ISO_WITH_ZONE.exec(iso.trim());
  if (!match) return undefined;
  const [month, day, hour, minute, second] = match.slice(2, 7).map((part) => Number(part ?? '0')) as [number, number, number, number, number];
  // Date.parse accepts "2024-02-30" and rolls it over; range-check the fields ourselves.
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(iso.trim());
  if (Number.isNaN(date.getTime())) return undefined;
  const daysInMonth = new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
  return day > daysInMonth ? undefined : date;
}

/** VOD keeps tags as one comma-separated string: "a,b,,c " → ["a", "b", "c"] (trimmed, empties dropped, order kept). */
export function splitTags(tags: string | undefined): string[] {
  if (!tags) return [];
  return tags
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

/**
 * What a category is called where there is room for one value (hovers): its name, or its ID when VOD
 * sent no name or a blank one (a category renamed to spaces in the console); undefined without either.
 */
export function categoryName(name: string | undefined, id: number | undefined): string | undefined {
  if (name?.trim()) return name;
  return id === undefined ? undefined : String(id);
}

/** A category as plain text with room for both: "Shoes (12)", or whichever of the two VOD sent. */
export function categoryWithId(name: string | undefined, id: number | undefined): string | undefined {
  const shown = categoryName(name, id);
  return shown === undefined || id === undefined || shown === String(id) ? shown : `${shown} (${id})`;
}
