/**
 * Registers the image hover for every kind of text document a user opens: local and remote files
 * (in a remote or code-server extension host they are `file` URIs), unsaved buffers, virtual
 * workspaces and notebook cells. Output channels and other internal documents are left alone.
 */
import * as vscode from 'vscode';
import { localizeError } from '../localize';
import type { Services } from '../services';
import { ImageHoverProvider } from './imageHoverProvider';
import { HoverThumbnails } from './thumbnails';
import { noteImageHovered } from '../walkthroughEvents';

export const HOVER_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file' },
  { scheme: 'untitled' },
  { scheme: 'vscode-remote' },
  { scheme: 'vscode-vfs' },
  { scheme: 'vscode-notebook-cell' },
];

export function register(services: Services): vscode.Disposable[] {
  const thumbnails = new HoverThumbnails(() => services.thumbnails(), {
    notAnImage: vscode.l10n.t('the file is not a PNG, JPEG, GIF or WebP picture'),
    downloadFailed: vscode.l10n.t('the download failed'),
    describeError: localizeError,
  });
  const provider = new ImageHoverProvider(services, thumbnails);
  return [
    vscode.languages.registerHoverProvider(HOVER_SELECTOR, {
      // A hover shown completes the walkthrough's "hover an ID" step.
      provideHover: async (document, position, token) => {
        const hover = await provider.provideHover(document, position, token);
        if (hover) noteImageHovered();
        return hover;
      },
    }),
    // A new session may mean another account, where the same ID is another image.
    services.onDidChangeSession(() => thumbnails.clear()),
  ];
}
