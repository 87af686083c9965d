/** Registers `vodImages.lookUp`. */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { lookUp } from './lookUp';

export function register(services: Services): vscode.Disposable[] {
  return [vscode.commands.registerCommand('vodImages.lookUp', (arg?: unknown) => lookUp(services, arg))];
}
