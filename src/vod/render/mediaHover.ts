/**
 * The hover card's body for a video or audio ID: cover thumbnail (fetched by the caller through the
 * same path and limits as image thumbnails), title, links (details, play URL, ID), then duration,
 * status, size, created, category, tags. Same escaping as the image card: every API string goes
 * through escapeMarkdown, only the named commands are linked.
 */
import type { MediaKind } from '../media/mediaLookup';
import { formatDuration } from '../media/mediaLookup';
import type { VideoInfo } from '../media/videoSchemas';
import { categoryName, formatBytes, formatDate } from './format';
import type { HoverLabels } from './hoverLabels';
import { MAX_TITLE, SEPARATOR, line, renderThumbnail, tagList, text, clip, type HoverInput, type LinkSet } from './hoverMarkdown';

export interface MediaHoverLabels {
  readonly video: string;
  readonly audio: string;
  /** When the API did not say which (GetVideoInfos documents no MediaType). */
  readonly audioOrVideo: string;
  readonly duration: string;
  readonly copyPlayUrl: string;
  /** `{0}` = the ID: not an image, and this key may not ask whether it is audio/video. */
  readonly notAnImage: string;
}

export const DEFAULT_MEDIA_HOVER_LABELS: MediaHoverLabels = Object.freeze({
  video: 'Video',
  audio: 'Audio',
  audioOrVideo: 'Audio/video',
  duration: 'Duration',
  copyPlayUrl: 'Copy play URL',
  notAnImage: 'No VOD image with ID {0} (this AccessKey may not look up audio/video, so it could not tell).',
});

export function renderMediaFound(kind: MediaKind, info: VideoInfo, input: HoverInput, labels: HoverLabels, links: LinkSet): string[] {
  const media = input.mediaLabels ?? DEFAULT_MEDIA_HOVER_LABELS;
  const blocks: string[] = [];
  const thumbnail = renderThumbnail(input.thumbnail, labels);
  if (thumbnail) blocks.push(thumbnail);

  const title = info.Title?.trim();
  // Say "video" or "audio" only when the server said so; GetVideoInfos answers for both alike.
  const kindLabel = info.MediaType === undefined ? media.audioOrVideo : kind === 'audio' ? media.audio : media.video;
  blocks.push(`${text(kindLabel)}: ${title ? `**${text(clip(title, MAX_TITLE))}**` : `_${text(labels.untitled)}_`}`);

  const id = info.VideoId;
  const actions = [links.add(labels.openDetails, input.commands.openDetails, [id])];
  if (input.commands.copyPlayUrl) actions.push(links.add(media.copyPlayUrl, input.commands.copyPlayUrl, [id]));
  actions.push(links.add(labels.copyId, input.commands.copyId, [id]));
  blocks.push(actions.join(SEPARATOR));

  const dates = info.CreationTime ? formatDate(info.CreationTime, input.locale, input.timeZone) : undefined;
  const rows = [
    line([
      [media.duration, formatDuration(info.Duration)],
      [labels.status, info.Status],
    ]),
    line([
      [labels.size, info.Size === undefined ? undefined : formatBytes(info.Size)],
      [labels.created, dates?.local],
    ]),
    line([
      [labels.category, categoryName(info.CateName, info.CateId)],
      [labels.tags, tagList(info.Tags)],
    ]),
  ];
  for (const row of rows) if (row) blocks.push(row);
  return blocks;
}
