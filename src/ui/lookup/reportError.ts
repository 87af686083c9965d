/**
 * One way to tell the user that an image action failed. VodError messages are built to be shown as
 * they are (no URLs, no secrets); anything else is unexpected, so it goes to the log (which redacts)
 * and the notification only points there.
 */
import * as vscode from 'vscode';
import { isVodError } from '../../vod/errors';
import { localizeErrorLine } from '../localize';
import type { Services } from '../services';

/** Shows the failure without waiting for the notification to be dismissed (commands must return). */
export function reportError(services: Services, error: unknown, action: string): void {
  if (!isVodError(error)) {
    services.log.error(`${action}: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed unexpectedly. See the log for details.', action));
    return;
  }
  if (error.kind === 'cancelled') return;
  if (error.kind === 'noCredentials') {
    const signIn = vscode.l10n.t('Sign In');
    void vscode.window
      .showWarningMessage(vscode.l10n.t('{0}: you are not signed in to ApsaraVideo VOD.', action), signIn)
      .then((choice) => (choice === signIn ? vscode.commands.executeCommand('vodImages.signIn') : undefined));
    return;
  }
  services.log.warn(`${action}: ${error.toLine()}`);
  void vscode.window.showErrorMessage(`${action}: ${localizeErrorLine(error)}`);
}
