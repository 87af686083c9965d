/**
 * How an image's state looks everywhere the explorer and the editor show it: a codicon, a theme
 * colour, and whether it deserves a diagnostic. One table, so the tree, the decorations and the
 * Problems panel agree.
 *
 * Diagnostics: a failed upload and an image blocked by content review are warnings (the reference
 * in the code points at something that will not display), an upload in progress is information
 * (it should heal by itself), a normal image is not reported. A missing image is a warning too,
 * but reported only when the user opts in (`vodImages.diagnostics.reportMissing`): any 32-hex
 * string, an MD5 say, looks like an ID. A lookup that failed (network, auth) says nothing about
 * the image and is never a diagnostic.
 */
import type { Lookup } from '../imageService';
import type { MediaKind } from '../media/mediaLookup';
import type { VideoInfo } from '../media/videoSchemas';
import type { ImageInfo } from '../schemas';

/**
 * Audio/video add: `video` / `audio` (Normal, their own icons), `mediaProcessing` (UploadSucc,
 * Transcoding, Checking: it should heal by itself, not reported) and `mediaFail` (UploadFail,
 * TranscodeFail, ProduceFail: a warning like a failed image upload) and `mediaBlocked` (a warning);
 * Uploading is processing too (a video upload takes a while; an image's is reported).
 */
export type ImageCondition =
  | 'normal'
  | 'uploading'
  | 'uploadFail'
  | 'blocked'
  | 'otherStatus'
  | 'missing'
  | 'failed'
  | 'pending'
  | 'video'
  | 'audio'
  | 'mediaProcessing'
  | 'mediaFail'
  | 'mediaBlocked';

export type DiagnosticLevel = 'warning' | 'information';

export interface StatusStyle {
  readonly condition: ImageCondition;
  /** A codicon ID, e.g. `file-media` (for `new ThemeIcon(icon, new ThemeColor(color))`). */
  readonly icon: string;
  /** A theme colour ID every VS Code theme defines; undefined = the default foreground. */
  readonly color: string | undefined;
  /** Undefined: no diagnostic. */
  readonly severity: DiagnosticLevel | undefined;
}

const STYLES: Readonly<Record<ImageCondition, StatusStyle>> = Object.freeze({
  normal: { condition: 'normal', icon: 'file-media', color: 'charts.green', severity: undefined },
  uploading: { condition: 'uploading', icon: 'cloud-upload', color: 'charts.blue', severity: 'information' },
  uploadFail: { condition: 'uploadFail', icon: 'warning', color: 'problemsWarningIcon.foreground', severity: 'warning' },
  blocked: { condition: 'blocked', icon: 'circle-slash', color: 'problemsWarningIcon.foreground', severity: 'warning' },
  otherStatus: { condition: 'otherStatus', icon: 'file-media', color: undefined, severity: undefined },
  missing: { condition: 'missing', icon: 'question', color: 'disabledForeground', severity: 'warning' },
  failed: { condition: 'failed', icon: 'error', color: 'problemsErrorIcon.foreground', severity: undefined },
  pending: { condition: 'pending', icon: 'loading~spin', color: undefined, severity: undefined },
  video: { condition: 'video', icon: 'device-camera-video', color: 'charts.green', severity: undefined },
  audio: { condition: 'audio', icon: 'unmute', color: 'charts.green', severity: undefined },
  mediaProcessing: { condition: 'mediaProcessing', icon: 'sync', color: 'charts.blue', severity: undefined },
  mediaFail: { condition: 'mediaFail', icon: 'warning', color: 'problemsWarningIcon.foreground', severity: 'warning' },
  mediaBlocked: { condition: 'mediaBlocked', icon: 'circle-slash', color: 'problemsWarningIcon.foreground', severity: 'warning' },
});

export function styleFor(condition: ImageCondition): StatusStyle {
  return STYLES[condition];
}

/**
 * An image's condition. A failed upload outranks the audit result (there is nothing to review),
 * and a block outranks "uploading". Status values are compared without regard to case; an
 * unknown or absent one is `otherStatus`, never guessed to be fine or broken.
 */
export function conditionOf(info: ImageInfo): ImageCondition {
  const status = info.Status?.toLowerCase();
  if (status === 'uploadfail') return 'uploadFail';
  if (info.AuditStatus?.toLowerCase() === 'blocked') return 'blocked';
  if (status === 'uploading') return 'uploading';
  if (status === 'normal') return 'normal';
  return 'otherStatus';
}

/** A video's or audio's condition from its Status (GetVideoInfos' list); unknown values are `otherStatus`. */
export function mediaConditionOf(kind: MediaKind, info: Pick<VideoInfo, 'Status'>): ImageCondition {
  switch (info.Status?.toLowerCase()) {
    case 'normal':
      return kind;
    case 'uploadfail':
    case 'transcodefail':
    case 'producefail':
      return 'mediaFail';
    case 'blocked':
      return 'mediaBlocked';
    case 'uploading':
    case 'uploadsucc':
    case 'transcoding':
    case 'checking':
      return 'mediaProcessing';
    default:
      return 'otherStatus';
  }
}

/** What the explorer and the decorations hold per ID: a lookup, one in progress, or a failure. */
export type LookupState = Lookup | { readonly state: 'pending' } | { readonly state: 'failed'; readonly error: unknown };

export function conditionOfLookup(lookup: LookupState): ImageCondition {
  switch (lookup.state) {
    case 'found':
      return conditionOf(lookup.info);
    case 'video':
    case 'audio':
      return mediaConditionOf(lookup.state, lookup.info);
    case 'missing':
      return 'missing';
    case 'pending':
      return 'pending';
    case 'failed':
      return 'failed';
  }
}

export function styleForLookup(lookup: LookupState): StatusStyle {
  return styleFor(conditionOfLookup(lookup));
}

/**
 * The severity to report for a lookup, or undefined for none. Missing images only when the user
 * asked for them.
 */
export function diagnosticSeverity(lookup: LookupState, reportMissing: boolean): DiagnosticLevel | undefined {
  // Not an image, and the key may not ask whether it is a video: we cannot tell, so we say nothing.
  if (lookup.state === 'missing' && lookup.videoCheck === 'denied') return undefined;
  const condition = conditionOfLookup(lookup);
  if (condition === 'missing' && !reportMissing) return undefined;
  return styleFor(condition).severity;
}
