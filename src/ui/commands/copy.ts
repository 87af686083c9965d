/** Registers the three copy commands: ID, URL as returned, and signed URL with a chosen validity. */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { copyId } from './copyId';
import { copyPlayUrl } from './copyPlayUrl';
import { copySignedUrl } from './copySignedUrl';
import { copyUrl } from './copyUrl';

export function register(services: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('vodImages.copyId', (arg?: unknown) => copyId(services, arg)),
    vscode.commands.registerCommand('vodImages.copyUrl', (arg?: unknown) => copyUrl(services, arg)),
    vscode.commands.registerCommand('vodImages.copySignedUrl', (arg?: unknown, options?: unknown) => copySignedUrl(services, arg, options)),
    vscode.commands.registerCommand('vodImages.copyPlayUrl', (arg?: unknown, options?: unknown) => copyPlayUrl(services, arg, options)),
  ];
}
