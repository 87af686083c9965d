/**
 * The image hover. The activation shell (src/extension.ts) registers the hover for the documents in
 * `HOVER_SELECTOR` and forwards to the provider built here once an ID is under the pointer.
 */
import * as vscode from 'vscode';
import { localizeError } from '../localize';
import type { Services } from '../services';
import { ImageHoverProvider } from './imageHoverProvider';
import { HoverThumbnails } from './thumbnails';
import { noteImageHovered } from '../walkthroughEvents';

export interface ImageHover {
  readonly provider: vscode.HoverProvider;
  readonly disposables: vscode.Disposable[];
}

export function createImageHover(services: Services): ImageHover {
  const thumbnails = new HoverThumbnails(() => services.thumbnails(), {
    notAnImage: vscode.l10n.t('the file is not a PNG, JPEG, GIF or WebP picture'),
    downloadFailed: vscode.l10n.t('the download failed'),
    describeError: localizeError,
  });
  const provider = new ImageHoverProvider(services, thumbnails);
  return {
    provider: {
      // A hover shown completes the walkthrough's "hover an ID" step.
      provideHover: async (document, position, token) => {
        const hover = await provider.provideHover(document, position, token);
        if (hover) noteImageHovered();
        return hover;
      },
    },
    // A new session may mean another account, where the same ID is another image.
    disposables: [services.onDidChangeSession(() => thumbnails.clear())],
  };
}
