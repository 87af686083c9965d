/**
 * Play streams for people: one line per stream (definition · format · W×H · bitrate · size) and the
 * stream a command should copy when none was chosen. Pure; the URLs themselves are never part of
 * a description (they are signed).
 */
import { formatBytes, formatDimensions } from '../render/format';
import type { PlayInfo } from './videoSchemas';

/** Higher first: a copied play URL should be the best the asset offers unless the user picks. */
const DEFINITION_RANK = ['OD', '4K', '2K', 'FHD', 'HD', 'SD', 'LD', 'FD', 'HQ', 'SQ'];

export function describeStream(stream: PlayInfo): string {
  const parts = [
    stream.Definition,
    stream.Format,
    formatDimensions(stream.Width || undefined, stream.Height || undefined),
    stream.Bitrate === undefined ? undefined : `${Math.round(stream.Bitrate)} kbps`,
    stream.Size === undefined ? undefined : formatBytes(stream.Size),
  ];
  return parts.filter((p): p is string => p !== undefined && p !== '').join(' · ');
}

/** The streams best first (by definition, then bitrate). */
export function rankStreams(streams: readonly PlayInfo[]): PlayInfo[] {
  const rank = (s: PlayInfo): number => {
    const i = DEFINITION_RANK.indexOf((s.Definition ?? '').toUpperCase());
    return i < 0 ? DEFINITION_RANK.length : i;
  };
  return [...streams].sort((a, b) => rank(a) - rank(b) || (b.Bitrate ?? 0) - (a.Bitrate ?? 0));
}
