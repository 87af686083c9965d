/** Registers the copy commands: ID, URL as returned, signed URL with a chosen validity, play URL; the first three also on a multi-selection. */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { selectedImageIds } from '../lookup/treeSelection';
import { copyId } from './copyId';
import { copyIds, copySignedUrls, copyUrls } from './copyMany';
import { copyPlayUrl } from './copyPlayUrl';
import { copySignedUrl } from './copySignedUrl';
import { copyUrl } from './copyUrl';

export function register(services: Services): vscode.Disposable[] {
  return [
    // From the explorer with several rows selected: `(clicked, selected[])`, one line per image.
    vscode.commands.registerCommand('vodImages.copyId', (arg?: unknown, selected?: unknown) => {
      const many = selectedImageIds(arg, selected);
      return many ? copyIds(many) : copyId(services, arg);
    }),
    vscode.commands.registerCommand('vodImages.copyUrl', (arg?: unknown, selected?: unknown) => {
      const many = selectedImageIds(arg, selected);
      return many ? copyUrls(services, many) : copyUrl(services, arg);
    }),
    // Automation: `(id, options)`; a multi-selection: `(clicked, selected[], options?)`.
    vscode.commands.registerCommand('vodImages.copySignedUrl', (arg?: unknown, second?: unknown, options?: unknown) => {
      const many = selectedImageIds(arg, second);
      if (many) return copySignedUrls(services, many, options);
      return copySignedUrl(services, arg, Array.isArray(second) ? options : second);
    }),
    vscode.commands.registerCommand('vodImages.copyPlayUrl', (arg?: unknown, options?: unknown) => copyPlayUrl(services, arg, options)),
  ];
}
