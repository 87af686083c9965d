/** The hover's strings in the user's language; the renderer itself stays free of `vscode`. */
import * as vscode from 'vscode';
import type { HoverLabels } from '../../vod/render/hoverLabels';
import type { MediaHoverLabels } from '../../vod/render/mediaHover';

let cached: HoverLabels | undefined;

/** Built once: the display language cannot change without reloading the extension host. */
export function hoverLabels(): HoverLabels {
  cached ??= Object.freeze({
    thumbnailAlt: vscode.l10n.t('thumbnail'),
    thumbnailTooLarge: vscode.l10n.t('Thumbnail not shown: the image is too large ({0}). Open the details to see it.'),
    thumbnailTooLargeUnknownSize: vscode.l10n.t('Thumbnail not shown: the image is too large. Open the details to see it.'),
    thumbnailUnavailable: vscode.l10n.t('Thumbnail unavailable: {0}'),
    untitled: vscode.l10n.t('(untitled)'),
    type: vscode.l10n.t('Type'),
    status: vscode.l10n.t('Status'),
    auditStatus: vscode.l10n.t('Audit'),
    dimensions: vscode.l10n.t('Dimensions'),
    size: vscode.l10n.t('Size'),
    created: vscode.l10n.t('Created'),
    category: vscode.l10n.t('Category'),
    tags: vscode.l10n.t('Tags'),
    openDetails: vscode.l10n.t('Open details'),
    copySignedUrl: vscode.l10n.t('Copy signed URL'),
    copyId: vscode.l10n.t('Copy ID'),
    notFound: vscode.l10n.t('No VOD image, video or audio with ID {0}.'),
    signedOut: vscode.l10n.t('Sign in to see VOD image details.'),
    signIn: vscode.l10n.t('Sign in'),
    error: vscode.l10n.t('VOD image lookup failed: {0}'),
  });
  return cached;
}

let media: MediaHoverLabels | undefined;

export function mediaHoverLabels(): MediaHoverLabels {
  media ??= Object.freeze({
    video: vscode.l10n.t('Video'),
    audio: vscode.l10n.t('Audio'),
    audioOrVideo: vscode.l10n.t('Audio/video'),
    duration: vscode.l10n.t('Duration'),
    copyPlayUrl: vscode.l10n.t('Copy play URL'),
    notAnImage: vscode.l10n.t('No VOD image with ID {0} (this AccessKey may not look up audio/video, so it could not tell).'),
  });
  return media;
}
