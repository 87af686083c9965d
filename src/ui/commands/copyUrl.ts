/**
 * `vodImages.copyUrl`: the image URL exactly as GetImageInfo returned it (the domain's default
 * validity). It may be signed and so expire: the message says when, and points to "Copy Signed URL"
 * for a chosen validity. A cached URL that is about to expire is fetched again first.
 */
import * as vscode from 'vscode';
import { VodError } from '../../vod/errors';
import { msg } from '../../vod/messages';
import type { ImageService } from '../../vod/imageService';
import type { ImageInfo } from '../../vod/schemas';
import { describeExpiry, parseSignedUrlExpiry } from '../../vod/signedUrlExpiry';
import type { Services } from '../services';
import { pickImageId } from '../lookup/pickImageIds';
import { reportError } from '../lookup/reportError';
import { formatLocalTime, isStale } from './copyFormat';
import { confirmQuietly } from './quietConfirm';

export interface UrlCopied {
  readonly imageId: string;
  /** ISO time the copied URL stops working, when the URL says so. The URL itself is never returned. */
  readonly expiresAt: string | undefined;
}

async function freshInfo(images: ImageService, imageId: string): Promise<ImageInfo> {
  let lookup = await images.get(imageId);
  if (lookup.state === 'found' && lookup.info.URL) {
    const expiry = parseSignedUrlExpiry(lookup.info.URL);
    if (expiry.kind !== 'none' && isStale(expiry.expiresAt, new Date())) lookup = await images.get(imageId, { force: true });
  }
  if (lookup.state === 'missing') throw new VodError('notFound', msg('command.imageNotFound', { id: imageId }));
  if (lookup.state !== 'found') throw new VodError('invalidInput', msg('command.isMedia', { id: imageId }));
  return lookup.info;
}

function copiedMessage(url: string): { text: string; expiresAt: Date | undefined } {
  const expiry = parseSignedUrlExpiry(url);
  if (expiry.kind === 'none') return { text: vscode.l10n.t('Image URL copied.'), expiresAt: undefined };
  const when = formatLocalTime(expiry.expiresAt, vscode.env.language);
  const text = vscode.l10n.t(
    'Image URL copied. It is signed and expires {0} ({1}); use "Copy Signed URL" to choose how long a link lasts.',
    when,
    describeExpiry(expiry.expiresAt, new Date()),
  );
  return { text, expiresAt: expiry.expiresAt };
}

export async function copyUrl(services: Services, arg: unknown): Promise<UrlCopied | undefined> {
  try {
    const imageId = await pickImageId(services, arg);
    if (!imageId) return undefined;
    const info = await freshInfo(await services.images(), imageId);
    if (!info.URL) throw new VodError('invalidResponse', msg('command.noUrl', { id: imageId }));
    await vscode.env.clipboard.writeText(info.URL);
    const { text, expiresAt } = copiedMessage(info.URL);
    confirmQuietly(text);
    return { imageId, expiresAt: expiresAt?.toISOString() };
  } catch (error) {
    reportError(services, error, vscode.l10n.t('Copy Image URL'));
    return undefined;
  }
}
