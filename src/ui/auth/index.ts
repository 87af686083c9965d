/**
 * Registers sign in, sign out and switch profile. The flows are loaded on first use: activation pays
 * only for these three registrations.
 */
import * as vscode from 'vscode';
import type { ServiceHost } from '../serviceHost';

export function register(host: ServiceHost): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('vodImages.signIn', async (arg?: unknown) => (await import('./signIn')).signIn(host, arg)),
    vscode.commands.registerCommand('vodImages.signOut', async (arg?: unknown) => (await import('./signOut')).signOut(host, arg)),
    vscode.commands.registerCommand('vodImages.switchProfile', async (arg?: unknown) => (await import('./switchProfile')).switchProfile(host, arg)),
  ];
}
