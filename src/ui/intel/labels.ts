/** Editor intelligence's strings in the user's language; the pure planners stay free of `vscode`. */
import * as vscode from 'vscode';
import type { DecorationLabels } from '../../vod/explorer/decorationText';
import type { DiagnosticMessages } from './diagnosticPlan';
import type { ExpiryHoverLabels } from './expiryHover';

let decoration: DecorationLabels | undefined;
let diagnostic: DiagnosticMessages | undefined;
let expiry: ExpiryHoverLabels | undefined;

/** Built once: the display language cannot change without reloading the extension host. */
export function decorationLabels(): DecorationLabels {
  decoration ??= Object.freeze({
    untitled: vscode.l10n.t('(untitled)'),
    notFound: vscode.l10n.t('not found'),
  });
  return decoration;
}

export function diagnosticMessages(): DiagnosticMessages {
  diagnostic ??= Object.freeze({
    uploadFail: (id: string) => vscode.l10n.t('VOD image {0} failed to upload: it cannot be displayed.', id),
    blocked: (id: string) => vscode.l10n.t('VOD image {0} was blocked by content review: it cannot be displayed.', id),
    uploading: (id: string) => vscode.l10n.t('VOD image {0} is still uploading.', id),
    missing: (id: string) => vscode.l10n.t('No VOD image, video or audio with ID {0}.', id),
    mediaFail: (id: string) => vscode.l10n.t('VOD audio/video {0} failed to upload, transcode or produce: it cannot be played.', id),
    mediaBlocked: (id: string) => vscode.l10n.t('VOD audio/video {0} was blocked by content review: it cannot be played.', id),
  });
  return diagnostic;
}

export function expiryHoverLabels(): ExpiryHoverLabels {
  expiry ??= Object.freeze({
    authKeyHeading: vscode.l10n.t('Signed CDN URL (auth_key)'),
    ossHeading: vscode.l10n.t('Presigned OSS URL'),
    expiresIn: (when: string, duration: string) => vscode.l10n.t('Expires {0} (in {1}).', when, duration),
    expiredAgo: (when: string, duration: string) => vscode.l10n.t('Expired {0} ({1} ago).', when, duration),
    authKeyNote: vscode.l10n.t(
      "Read as the expiry time. If your CDN domain treats the auth_key timestamp as the signing time, the URL lasts longer by the domain's validity period.",
    ),
  });
  return expiry;
}

export function openDetailsTitle(imageId: string): string {
  return vscode.l10n.t('Open details of image {0}', imageId);
}
