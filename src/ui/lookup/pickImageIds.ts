/**
 * The editor half of "which image?": the argument if there is one, else IDs from the selection or
 * under the cursor, else an input box. Shared by lookUp, openDetails and the copy commands.
 */
import * as vscode from 'vscode';
import { isPlausibleImageId } from '../../vod/imageIds';
import type { Services } from '../services';
import { idsFromEditor, targetFromArg, type EditorSnapshot } from './imageTarget';

function snapshot(editor: vscode.TextEditor): EditorSnapshot {
  const { document } = editor;
  const selectedTexts = editor.selections.filter((s) => !s.isEmpty).map((s) => document.getText(document.validateRange(s)));
  // Selections set through the API are not clamped to the document; positions past the end would throw.
  const cursor = document.validatePosition(editor.selection.active);
  return { selectedTexts, cursorLine: document.lineAt(cursor.line).text, cursorColumn: cursor.character };
}

async function askForId(): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Look Up VOD Image'),
    prompt: vscode.l10n.t('Enter an ApsaraVideo VOD image ID'),
    placeHolder: vscode.l10n.t('for example 5aed81b74ba84920be578cdfe004af4b'),
    ignoreFocusOut: true,
    validateInput: (value) =>
      isPlausibleImageId(value.trim()) ? undefined : vscode.l10n.t('An image ID is 1 to 64 letters and digits.'),
  });
  return typed?.trim() || undefined;
}

/**
 * All IDs the command should act on, or undefined when the user cancelled.
 * Throws a VodError (invalidInput) when the argument cannot be an image ID.
 */
export async function pickImageIds(services: Services, arg: unknown): Promise<string[] | undefined> {
  const target = targetFromArg(arg);
  if (target.kind === 'invalid') throw target.error;
  if (target.kind === 'ids') return [...target.ids];
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const ids = idsFromEditor(snapshot(editor), services.settings().idPattern);
    if (ids.length > 0) return ids;
  }
  const typed = await askForId();
  return typed ? [typed] : undefined;
}

/** Like {@link pickImageIds}, for commands that act on one image: several found → the user chooses. */
export async function pickImageId(services: Services, arg: unknown): Promise<string | undefined> {
  const ids = await pickImageIds(services, arg);
  if (!ids || ids.length <= 1) return ids?.[0];
  return vscode.window.showQuickPick(ids, {
    title: vscode.l10n.t('Several image IDs are selected'),
    placeHolder: vscode.l10n.t('Choose one image'),
  });
}
