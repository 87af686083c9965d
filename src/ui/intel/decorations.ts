/**
 * Inline after-text on image IDs (`  ▸ Title · 1920×1080`), per `vodImages.decorations`:
 * - `off`: none;
 * - `cached` (default): only IDs the shared cache already holds (`ImageService.peek`), so the text
 *   costs no API call; it appears as soon as a hover, the explorer or a command resolves an ID;
 * - `visible`: also looks up the uncached IDs in the visible lines (plus a margin), through
 *   `ImageService.getMany`: ⌈new IDs/20⌉ GetImageInfos calls per pass, one pass at a time,
 *   debounced while scrolling or typing, failed IDs left alone for 30 s.
 * "Not found" is shown only with `vodImages.diagnostics.reportMissing` (any MD5 looks like an ID).
 * Re-rendered when the cache changes (`ImageService.onDidChange`), the visible editors change or a
 * visible document is edited.
 */
import * as vscode from 'vscode';
import type { TextOccurrence } from '../../vod/scan/scanText';
import type { DecorationMode, Services } from '../services';
import { backgroundLookupsAllowed, onDidAllowBackgroundLookups } from '../backgroundLookups';
import { planDecorations, type PlannedDecoration } from './decorationPlan';
import type { DocumentIds } from './documentIds';
import { FailureBackoff } from './failureBackoff';
import type { ImageServiceWatch } from './imageServiceWatch';
import { decorationLabels } from './labels';
import { distinctIds, occurrencesInSpans } from './occurrences';

/** What an editor currently shows, for the integration tests. */
export interface DecorationView {
  readonly line: number;
  readonly character: number;
  readonly text: string;
}

const RENDER_DELAY_MS = 150;
const RESOLVE_DELAY_MS = 300;
/** Lines above and below the visible ones resolved too, so a short scroll finds its IDs ready. */
const VISIBLE_MARGIN_LINES = 20;
/** Distinct IDs one visible pass may ask for per editor (10 calls at most). */
const MAX_VISIBLE_IDS = 200;

export class DecorationController implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly applied = new Map<vscode.TextEditor, readonly PlannedDecoration[]>();
  private readonly backoff = new FailureBackoff();
  private readonly disposables: vscode.Disposable[] = [];
  private renderTimer: ReturnType<typeof setTimeout> | undefined;
  private resolveTimer: ReturnType<typeof setTimeout> | undefined;
  private resolving = false;
  private resolveAgain = false;
  private disposed = false;

  constructor(
    private readonly services: Services,
    private readonly watch: ImageServiceWatch,
    private readonly documentIds: DocumentIds,
  ) {
    this.disposables.push(
      this.type,
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      onDidAllowBackgroundLookups(() => this.schedule()),
      vscode.window.onDidChangeTextEditorVisibleRanges(() => this.scheduleResolve()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (vscode.window.visibleTextEditors.some((editor) => editor.document === e.document)) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (['vodImages.decorations', 'vodImages.idPattern', 'vodImages.diagnostics.reportMissing'].some((k) => e.affectsConfiguration(k))) this.schedule();
      }),
      watch.onDidChange((change) => {
        if (change.kind === 'all') this.backoff.clear();
        this.schedule();
      }),
    );
    // Deferred: never during activation.
    this.schedule();
  }

  /** What the visible editor(s) of a document show, in text order; undefined when none is visible. */
  decorationsFor(uri: string): DecorationView[] | undefined {
    for (const [editor, planned] of this.applied) {
      if (editor.document.uri.toString() === uri) return planned.map(({ line, character, text }) => ({ line, character, text }));
    }
    return undefined;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.renderTimer);
    clearTimeout(this.resolveTimer);
    this.applied.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  /** `visible` acts as `cached` in an untrusted workspace: it shows what is known and asks for nothing. */
  private mode(): DecorationMode {
    const mode = this.services.settings().decorations;
    return mode === 'visible' && !backgroundLookupsAllowed() ? 'cached' : mode;
  }

  private schedule(): void {
    this.scheduleRender();
    this.scheduleResolve();
  }

  private scheduleRender(): void {
    if (this.disposed) return;
    clearTimeout(this.renderTimer);
    this.renderTimer = setTimeout(() => void this.render(), RENDER_DELAY_MS);
  }

  private scheduleResolve(): void {
    if (this.disposed || this.mode() !== 'visible') return;
    clearTimeout(this.resolveTimer);
    this.resolveTimer = setTimeout(() => void this.resolveVisible(), RESOLVE_DELAY_MS);
  }

  private async render(): Promise<void> {
    const mode = this.mode();
    const editors = vscode.window.visibleTextEditors;
    const withIds = editors.map((editor) => ({ editor, occurrences: mode === 'off' ? [] : this.occurrences(editor) }));
    // Building the service is deferred to the first editor that shows an ID; it makes no API call.
    const service = withIds.some((e) => e.occurrences.length > 0) ? await this.watch.acquire() : this.watch.current();
    if (this.disposed) return;
    const labels = decorationLabels();
    const showMissing = this.services.settings().diagnosticsReportMissing;
    this.applied.clear();
    for (const { editor, occurrences } of withIds) {
      const planned = service ? planDecorations(occurrences, (id) => service.peek(id), labels, showMissing) : [];
      editor.setDecorations(this.type, planned.map(toOptions));
      this.applied.set(editor, planned);
    }
  }

  private occurrences(editor: vscode.TextEditor): readonly TextOccurrence[] {
    return this.documentIds.occurrences(editor.document, this.services.settings().idPattern);
  }

  /** One pass at a time; a request arriving meanwhile runs once more afterwards. */
  private async resolveVisible(): Promise<void> {
    if (this.resolving) {
      this.resolveAgain = true;
      return;
    }
    this.resolving = true;
    try {
      do {
        this.resolveAgain = false;
        await this.resolveVisibleOnce();
      } while (this.resolveAgain && !this.disposed);
    } finally {
      this.resolving = false;
    }
  }

  private async resolveVisibleOnce(): Promise<void> {
    if (this.mode() !== 'visible') return;
    const wanted = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) {
      const spans = editor.visibleRanges.map((r) => ({ startLine: r.start.line, endLine: r.end.line }));
      for (const id of distinctIds(occurrencesInSpans(this.occurrences(editor), spans, VISIBLE_MARGIN_LINES), MAX_VISIBLE_IDS)) wanted.add(id);
    }
    if (wanted.size === 0) return;
    const service = await this.watch.acquire();
    if (!service || this.disposed) return;
    const uncached = this.backoff.allowed([...wanted].filter((id) => service.peek(id) === undefined));
    if (uncached.length === 0) return;
    try {
      // The service batches these into ⌈n/20⌉ calls and fires onDidChange, which re-renders.
      await service.getMany(uncached);
    } catch {
      // Only the IDs of the failed call(s) are still uncached; the rest landed in the cache.
      this.backoff.markFailed(uncached.filter((id) => service.peek(id) === undefined));
    }
  }
}

function toOptions(planned: PlannedDecoration): vscode.DecorationOptions {
  const range = new vscode.Range(planned.line, planned.character, planned.line, planned.character + planned.length);
  return { range, renderOptions: { after: { contentText: planned.text } } };
}
