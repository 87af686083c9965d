/**
 * The quick fix on our diagnostics: "Open details of image <ID>" runs `vodImages.openDetails` with
 * the ID, where the status, the audit result and the file can be checked.
 */
import * as vscode from 'vscode';
import { isPlausibleImageId } from '../../vod/imageIds';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { openDetailsTitle } from './labels';

export const OPEN_DETAILS_COMMAND = 'vodImages.openDetails';

export class OpenDetailsQuickFix implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      // The range is the ID as written; an edit since the last pass may have changed it.
      const imageId = document.getText(diagnostic.range);
      if (!isPlausibleImageId(imageId) || seen.has(imageId)) continue;
      seen.add(imageId);
      const action = new vscode.CodeAction(openDetailsTitle(imageId), vscode.CodeActionKind.QuickFix);
      action.command = { command: OPEN_DETAILS_COMMAND, title: openDetailsTitle(imageId), arguments: [imageId] };
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
