/** `vodImages.copyId`: the image ID to the clipboard. No API call: the ID is all we need. */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { pickImageId } from '../lookup/pickImageIds';
import { reportError } from '../lookup/reportError';
import { confirmQuietly } from './quietConfirm';

export interface IdCopied {
  readonly imageId: string;
}

export async function copyId(services: Services, arg: unknown): Promise<IdCopied | undefined> {
  try {
    const imageId = await pickImageId(services, arg);
    if (!imageId) return undefined;
    await vscode.env.clipboard.writeText(imageId);
    confirmQuietly(vscode.l10n.t('Image ID copied: {0}', imageId));
    return { imageId };
  } catch (error) {
    reportError(services, error, vscode.l10n.t('Copy Image ID'));
    return undefined;
  }
}
