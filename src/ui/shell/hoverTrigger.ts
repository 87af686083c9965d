/**
 * Whether a hover request may concern us. The activation shell asks before it loads the features for
 * a hover, so that hovering over ordinary code in a window that never uses VOD loads nothing. Both err
 * on the side of "yes": the features answer precisely.
 */
import { idAt } from '../../vod/imageIds';
import { usablePattern } from '../lookup/imageTarget';

/** Query keys of the signed URLs the expiry hover explains (CDN auth_key, OSS V1 and V4). */
const SIGNED_URL_HINT = /https?:\/\/\S*[?&](?:auth_key|Expires|x-oss-expires|x-oss-date|OSSAccessKeyId)=/i;

/** An ID (by the user's pattern, or the default one when it is unusable) under the pointer. */
export function idUnderPointer(lineText: string, column: number, idPattern: string | undefined): boolean {
  return idAt(lineText, column, usablePattern(idPattern)) !== undefined;
}

/** A URL with a signature's query keys somewhere on the line. */
export function lineHasSignedUrl(lineText: string): boolean {
  return SIGNED_URL_HINT.test(lineText);
}
