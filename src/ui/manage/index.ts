/**
 * The commands that change images (upload, edit, delete) or save them (download). Their code loads
 * on first use: registering them costs only these few lines.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';

export function register(services: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('vodImages.deleteImage', async (...args: unknown[]) => (await import('./deleteImages')).deleteImages(services, ...args)),
    vscode.commands.registerCommand('vodImages.editImage', async (...args: unknown[]) => (await import('./editImage')).editImage(services, ...args)),
    vscode.commands.registerCommand('vodImages.download', async (...args: unknown[]) => (await import('./downloadImages')).downloadImages(services, ...args)),
    vscode.commands.registerCommand('vodImages.upload', async (...args: unknown[]) => (await import('./uploadImages')).uploadImages(services, ...args)),
  ];
}
