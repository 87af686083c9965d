/** The details panel's strings in the user's language; the renderer itself stays free of `vscode`. */
import * as vscode from 'vscode';
import type { MediaPanelLabels } from '../../vod/render/mediaPanelHtml';
import type { PanelLabels } from '../../vod/render/panelLabels';
import { FORM_PROBLEM_KEYS } from '../../vod/render/imageEdit';
import { localizedTemplates } from '../localize';

let cached: PanelLabels | undefined;

export function panelLabels(): PanelLabels {
  cached ??= Object.freeze({
    untitled: vscode.l10n.t('(untitled)'),
    noPreview: vscode.l10n.t('No preview available.'),
    details: vscode.l10n.t('Details'),
    imageId: vscode.l10n.t('Image ID'),
    title: vscode.l10n.t('Title'),
    type: vscode.l10n.t('Type'),
    status: vscode.l10n.t('Status'),
    auditStatus: vscode.l10n.t('Audit status'),
    dimensions: vscode.l10n.t('Dimensions'),
    size: vscode.l10n.t('Size'),
    exactBytes: vscode.l10n.t('{0} bytes'),
    created: vscode.l10n.t('Created'),
    modified: vscode.l10n.t('Modified'),
    category: vscode.l10n.t('Category'),
    tags: vscode.l10n.t('Tags'),
    description: vscode.l10n.t('Description'),
    storageLocation: vscode.l10n.t('Storage location'),
    app: vscode.l10n.t('App ID'),
    region: vscode.l10n.t('Region'),
    url: vscode.l10n.t('URL'),
    urlExpiry: vscode.l10n.t('URL expiry'),
    urlNoExpiry: vscode.l10n.t('The URL carries no expiry.'),
    mezzanine: vscode.l10n.t('Source file'),
    fileName: vscode.l10n.t('File name'),
    fileUrl: vscode.l10n.t('File URL'),
    otherFields: vscode.l10n.t('Other fields'),
    field: vscode.l10n.t('Field'),
    value: vscode.l10n.t('Value'),
    copyUrl: vscode.l10n.t('Copy URL'),
    copySignedUrl: vscode.l10n.t('Copy signed URL'),
    openInBrowser: vscode.l10n.t('Open in browser'),
    refresh: vscode.l10n.t('Refresh'),
    copyId: vscode.l10n.t('Copy ID'),
    actions: vscode.l10n.t('Actions'),
    edit: vscode.l10n.t('Edit'),
    editImage: vscode.l10n.t('Edit image'),
    save: vscode.l10n.t('Save'),
    cancel: vscode.l10n.t('Cancel'),
    categoryId: vscode.l10n.t('Category ID'),
    bytesHint: vscode.l10n.t('At most {0} bytes, no emoji.'),
    tagsHint: vscode.l10n.t('Comma-separated, at most {0}.'),
    formProblems: localizedTemplates(FORM_PROBLEM_KEYS),
  });
  return cached;
}

let media: MediaPanelLabels | undefined;

export function mediaPanelLabels(): MediaPanelLabels {
  media ??= Object.freeze({
    video: vscode.l10n.t('Video'),
    audio: vscode.l10n.t('Audio'),
    videoId: vscode.l10n.t('Video ID'),
    duration: vscode.l10n.t('Duration'),
    storageClass: vscode.l10n.t('Storage class'),
    snapshots: vscode.l10n.t('Snapshots'),
    streams: vscode.l10n.t('Play streams'),
    definition: vscode.l10n.t('Definition'),
    format: vscode.l10n.t('Format'),
    bitrate: vscode.l10n.t('Bitrate'),
    copyPlayUrl: vscode.l10n.t('Copy play URL'),
    noStreams: vscode.l10n.t('No play streams: {0}'),
  });
  return media;
}
