/**
 * Every user-facing string of the details panel, passed in by the caller so the extension can
 * localise them while the renderer stays free of `vscode`. `{0}` marks where a value goes.
 */
import { catalog } from '../messages';
import { FORM_PROBLEM_KEYS } from './imageEdit';

export interface PanelLabels {
  readonly untitled: string;
  readonly noPreview: string;
  readonly details: string;
  readonly imageId: string;
  readonly title: string;
  readonly type: string;
  readonly status: string;
  readonly auditStatus: string;
  readonly dimensions: string;
  readonly size: string;
  /** `{0}` = the exact byte count, grouped for the locale. */
  readonly exactBytes: string;
  readonly created: string;
  readonly modified: string;
  readonly category: string;
  readonly tags: string;
  readonly description: string;
  readonly storageLocation: string;
  readonly app: string;
  readonly region: string;
  readonly url: string;
  readonly urlExpiry: string;
  readonly urlNoExpiry: string;
  readonly mezzanine: string;
  readonly fileName: string;
  readonly fileUrl: string;
  readonly otherFields: string;
  readonly field: string;
  readonly value: string;
  readonly copyUrl: string;
  readonly copySignedUrl: string;
  readonly openInBrowser: string;
  readonly refresh: string;
  readonly copyId: string;
  readonly actions: string;
  /** The edit form (toolbar button, form name, buttons, hints; `{0}` = the limit). */
  readonly edit: string;
  readonly editImage: string;
  readonly save: string;
  readonly cancel: string;
  readonly categoryId: string;
  readonly bytesHint: string;
  readonly tagsHint: string;
  /** The edit form's problems for the page to show: catalog key → template (`{max}`, `{tag}`) in the user's language. */
  readonly formProblems: Readonly<Record<string, string>>;
}

export const DEFAULT_PANEL_LABELS: PanelLabels = Object.freeze({
  untitled: '(untitled)',
  noPreview: 'No preview available.',
  details: 'Details',
  imageId: 'Image ID',
  title: 'Title',
  type: 'Type',
  status: 'Status',
  auditStatus: 'Audit status',
  dimensions: 'Dimensions',
  size: 'Size',
  exactBytes: '{0} bytes',
  created: 'Created',
  modified: 'Modified',
  category: 'Category',
  tags: 'Tags',
  description: 'Description',
  storageLocation: 'Storage location',
  app: 'App ID',
  region: 'Region',
  url: 'URL',
  urlExpiry: 'URL expiry',
  urlNoExpiry: 'The URL carries no expiry.',
  mezzanine: 'Source file',
  fileName: 'File name',
  fileUrl: 'File URL',
  otherFields: 'Other fields',
  field: 'Field',
  value: 'Value',
  copyUrl: 'Copy URL',
  copySignedUrl: 'Copy signed URL',
  openInBrowser: 'Open in browser',
  refresh: 'Refresh',
  copyId: 'Copy ID',
  actions: 'Actions',
  edit: 'Edit',
  editImage: 'Edit image',
  save: 'Save',
  cancel: 'Cancel',
  categoryId: 'Category ID',
  bytesHint: 'At most {0} bytes, no emoji.',
  tagsHint: 'Comma-separated, at most {0}.',
  // A getter: the catalog is read when a page is rendered, not when this module loads.
  get formProblems(): Readonly<Record<string, string>> {
    return Object.fromEntries(FORM_PROBLEM_KEYS.map((key) => [key, catalog()[key]]));
  },
});
