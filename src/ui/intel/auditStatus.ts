/**
 * The audit status is certain only in GetImageInfo's answer: GetImageInfos, which the shared cache
 * uses, returns `AuditStatus` in the Go SDK's model but not in the TypeScript one (reference §1). So a
 * batch item that carries it is taken as is, and only an image whose batch item lacks it needs the
 * single call. These pure rules say which images still need it, and keep an audit status once learnt
 * when a later batch answer (without the field) replaces the image. No `vscode` import.
 */
import type { LookupState } from '../../vod/explorer/statusStyle';

/**
 * True for a found image whose audit status is unknown and could matter: a failed upload is
 * reported as such whatever the review says, so it needs no extra call.
 */
export function needsAuditCheck(lookup: LookupState | undefined): boolean {
  if (lookup?.state !== 'found') return false;
  if (lookup.info.AuditStatus !== undefined) return false;
  return lookup.info.Status?.toLowerCase() !== 'uploadfail';
}

/** The newer lookup, carrying over the audit status an earlier single lookup of the same image learnt. */
export function keepAuditStatus(previous: LookupState | undefined, next: LookupState): LookupState {
  if (next.state !== 'found' || next.info.AuditStatus !== undefined) return next;
  if (previous?.state !== 'found' || previous.info.AuditStatus === undefined) return next;
  return { ...next, info: { ...next.info, AuditStatus: previous.info.AuditStatus } };
}
