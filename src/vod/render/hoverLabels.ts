/**
 * Every user-facing string of the hover, passed in by the caller so the extension can localise
 * them (`vscode.l10n.t`) while the renderer stays free of `vscode`. `{0}` marks where a value goes.
 */
export interface HoverLabels {
  readonly thumbnailAlt: string;
  /** `{0}` = the formatted size, when known. */
  readonly thumbnailTooLarge: string;
  readonly thumbnailTooLargeUnknownSize: string;
  /** `{0}` = the reason. */
  readonly thumbnailUnavailable: string;
  readonly untitled: string;
  readonly type: string;
  readonly status: string;
  readonly auditStatus: string;
  readonly dimensions: string;
  readonly size: string;
  readonly created: string;
  readonly category: string;
  readonly tags: string;
  readonly openDetails: string;
  readonly copySignedUrl: string;
  readonly copyId: string;
  /** `{0}` = the image ID. */
  readonly notFound: string;
  readonly signedOut: string;
  readonly signIn: string;
  /** `{0}` = the error message. */
  readonly error: string;
}

export const DEFAULT_HOVER_LABELS: HoverLabels = Object.freeze({
  thumbnailAlt: 'thumbnail',
  thumbnailTooLarge: 'Thumbnail not shown: the image is too large ({0}).',
  thumbnailTooLargeUnknownSize: 'Thumbnail not shown: the image is too large.',
  thumbnailUnavailable: 'Thumbnail unavailable: {0}',
  untitled: '(untitled)',
  type: 'Type',
  status: 'Status',
  auditStatus: 'Audit',
  dimensions: 'Dimensions',
  size: 'Size',
  created: 'Created',
  category: 'Category',
  tags: 'Tags',
  openDetails: 'Open details',
  copySignedUrl: 'Copy signed URL',
  copyId: 'Copy ID',
  notFound: 'No VOD image, video or audio with ID {0}.',
  signedOut: 'Sign in to see VOD image details.',
  signIn: 'Sign in',
  error: 'VOD image lookup failed: {0}',
});
