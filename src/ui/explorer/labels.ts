/** The explorer's strings in the user's language, built once (the language cannot change without a reload). */
import * as vscode from 'vscode';
import type { ExportLabels } from '../../vod/explorer/groupExport';
import type { ItemTextLabels, StatusWords } from './itemText';
import type { SectionId } from './nodes';

let itemText: ItemTextLabels | undefined;

export function itemTextLabels(): ItemTextLabels {
  itemText ??= Object.freeze({
    refs: vscode.l10n.t('{0} refs'),
    oneRef: vscode.l10n.t('{0} ref'),
    notFound: vscode.l10n.t('not found'),
    failed: vscode.l10n.t('lookup failed'),
    pending: vscode.l10n.t('resolving…'),
  });
  return itemText;
}

let statusWords: StatusWords | undefined;

export function imageStatusWords(): StatusWords {
  statusWords ??= Object.freeze({
    blocked: vscode.l10n.t('Blocked'),
    uploadFailed: vscode.l10n.t('Upload failed'),
    uploading: vscode.l10n.t('Uploading…'),
  });
  return statusWords;
}

export function sectionLabel(section: SectionId): string {
  switch (section) {
    case 'selection':
      return vscode.l10n.t('Selection');
    case 'workspace':
      return vscode.l10n.t('This Workspace');
    case 'recent':
      return vscode.l10n.t('Recent');
    case 'pinned':
      return vscode.l10n.t('Pinned');
    case 'library':
      return vscode.l10n.t('Library');
  }
}

export function exportLabels(): ExportLabels {
  return {
    id: vscode.l10n.t('ID'),
    title: vscode.l10n.t('Title'),
    type: vscode.l10n.t('Type'),
    status: vscode.l10n.t('Status'),
    size: vscode.l10n.t('Size'),
    dimensions: vscode.l10n.t('W×H'),
    created: vscode.l10n.t('Created'),
  };
}
