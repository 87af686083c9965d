/**
 * The Selection group's source: the image IDs in the active editor's selections, or in the whole
 * document when nothing is selected (in a trusted workspace only), recomputed (debounced) as the selection or the editor changes.
 * It only listens while the explorer is visible: a hidden view should cost nothing per keystroke.
 */
import * as vscode from 'vscode';
import { findImageIds, uniqueIds } from '../../vod/imageIds';
import { backgroundLookupsAllowed } from '../backgroundLookups';
import { usablePattern } from '../lookup/imageTarget';

export const SELECTION_DEBOUNCE_MS = 250;
/** Documents larger than this are not scanned whole on every cursor move. */
const MAX_DOCUMENT_CHARS = 2 * 1024 * 1024;
/** More than a screenful is no longer "the selection". */
export const MAX_SELECTION_IDS = 200;

export class SelectionTracker implements vscode.Disposable {
  private ids: readonly string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners: vscode.Disposable[] = [];
  private pending: Promise<void> = Promise.resolve();
  private settle: (() => void) | undefined;

  constructor(
    private readonly pattern: () => string,
    private readonly onChange: (ids: readonly string[]) => void,
  ) {}

  current(): readonly string[] {
    return this.ids;
  }

  /** Resolves once the debounced update in progress (if any) has run. */
  settled(): Promise<void> {
    return this.pending;
  }

  setActive(active: boolean): void {
    if (active === this.listeners.length > 0) return;
    if (!active) {
      this.stopListening();
      return;
    }
    this.listeners = [
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
    ];
    this.update();
  }

  dispose(): void {
    this.stopListening();
  }

  private stopListening(): void {
    for (const l of this.listeners.splice(0)) l.dispose();
    this.flushTimer();
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (!this.settle) this.pending = new Promise((resolve) => (this.settle = resolve));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, SELECTION_DEBOUNCE_MS);
  }

  private flushTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.settle?.();
    this.settle = undefined;
  }

  private update(): void {
    const next = idsIn(vscode.window.activeTextEditor, usablePattern(this.pattern()));
    const changed = next.length !== this.ids.length || next.some((id, i) => id !== this.ids[i]);
    this.ids = next;
    if (changed) this.onChange(next);
    this.flushTimer();
  }
}

function idsIn(editor: vscode.TextEditor | undefined, pattern: string): string[] {
  // Output channels and the like are text editors too; only real documents count.
  if (!editor || editor.document.uri.scheme === 'output') return [];
  const { document } = editor;
  const selected = editor.selections.filter((s) => !s.isEmpty).map((s) => document.getText(s));
  // The whole-document fallback lists (and so looks up) IDs nobody pointed at: trusted workspaces only.
  const texts = selected.length > 0 ? selected : backgroundLookupsAllowed() ? [document.getText()] : [];
  if (texts.reduce((n, t) => n + t.length, 0) > MAX_DOCUMENT_CHARS) return [];
  return uniqueIds(texts.flatMap((text) => findImageIds(text, pattern))).slice(0, MAX_SELECTION_IDS);
}
