/**
 * Keeps the context key `vodImages.editorHasImageId` true while the cursor or the selection of the
 * active editor holds an image ID, so the editor context menu offers the VOD items only then.
 * Cheap on purpose: debounced, and it reads only the cursor's line and (the start of) the selections,
 * never the whole document, with the detection the commands use (`findImageIds`, `idAt`). Unlike the
 * commands it ignores a selected word that merely could be an ID: the menu would follow every word.
 * Until this workspace is known to use VOD it also looks at the visible part of the active editor (at
 * most a screenful of text): an ID on screen is the sign `VodPresence` waits for.
 */
import * as vscode from 'vscode';
import { findImageIds, idAt } from '../vod/imageIds';
import { usablePattern, type EditorSnapshot } from './lookup/imageTarget';
import type { VodPresence } from './vodPresence';

export const EDITOR_HAS_ID_KEY = 'vodImages.editorHasImageId';
export const EDITOR_ID_DEBOUNCE_MS = 100;
/** A selection longer than this is only searched at its start: the menu needs "any ID", not all. */
const MAX_SELECTION_CHARS = 16 * 1024;

function snapshot(editor: vscode.TextEditor): EditorSnapshot {
  const { document } = editor;
  const selectedTexts = editor.selections
    .filter((s) => !s.isEmpty)
    .map((s) => {
      const range = document.validateRange(s);
      const cut = document.offsetAt(range.start) + MAX_SELECTION_CHARS;
      return document.getText(document.offsetAt(range.end) > cut ? new vscode.Range(range.start, document.positionAt(cut)) : range);
    });
  const cursor = document.validatePosition(editor.selection.active);
  return { selectedTexts, cursorLine: document.lineAt(cursor.line).text, cursorColumn: cursor.character };
}

/** The text on screen, capped: enough to notice an ID, never a scan of the whole document. */
function visibleHasId(editor: vscode.TextEditor, pattern: string): boolean {
  const text = editor.visibleRanges.map((r) => editor.document.getText(r)).join('\n').slice(0, 64 * 1024);
  return findImageIds(text, usablePattern(pattern)).length > 0;
}

function holdsId(snapshot: EditorSnapshot, pattern: string): boolean {
  const usable = usablePattern(pattern);
  if (snapshot.selectedTexts.some((text) => findImageIds(text, usable).length > 0)) return true;
  return idAt(snapshot.cursorLine, snapshot.cursorColumn, usable) !== undefined;
}

export class EditorIdContext implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private value: boolean | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly pattern: () => string,
    private readonly presence: VodPresence,
  ) {
    this.disposables = [
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor !== vscode.window.activeTextEditor) return;
        // A click (or the right-click before a context menu) is one event, not a burst: answer at once
        // so the menu that follows has the best chance to see the key; keys and typing are debounced.
        if (e.kind === vscode.TextEditorSelectionChangeKind.Mouse) this.updateNow();
        else this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
    ];
    this.schedule();
  }

  /** What the key was last set to (read by the integration tests). */
  current(): boolean {
    return this.value === true;
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, EDITOR_ID_DEBOUNCE_MS);
  }

  private updateNow(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const has = editor !== undefined && holdsId(snapshot(editor), this.pattern());
    if (editor && !this.presence.hasSeenIds && (has || visibleHasId(editor, this.pattern()))) this.presence.note();
    if (has === this.value) return;
    this.value = has;
    void vscode.commands.executeCommand('setContext', EDITOR_HAS_ID_KEY, has);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
