/**
 * Registers the image hover for every kind of text document a user opens: local and remote files
 * (in a remote or code-server extension host they are `file` URIs), unsaved buffers, virtual
 * workspaces and notebook cells. Output channels and other internal documents are left alone.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { ImageHoverProvider } from './imageHoverProvider';
import { HoverThumbnails } from './thumbnails';

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
  });
  return [
    vscode.languages.registerHoverProvider(HOVER_SELECTOR, new ImageHoverProvider(services, thumbnails)),
    // A new session may mean another account, where the same ID is another image.
    services.onDidChangeSession(() => thumbnails.clear()),
  ];
}
