/**
 * Problems-panel entries (collection `vodImages`) for image IDs in open documents whose image failed
 * to upload or was blocked by content review (warnings) or is still uploading (information); IDs
 * that do not exist only with `vodImages.diagnostics.reportMissing`.
 *
 * Cost: each open document's distinct IDs (at most 500 per document) are looked up once per session
 * through the shared ImageService — ⌈uncached IDs/20⌉ GetImageInfos calls, within the client's
 * 10 calls/s — so opening a file with 60 new IDs costs 3 calls, and edits ask only for IDs not seen
 * yet. GetImageInfos does not return the audit status, so each found image (at most 50 per document,
 * once per session) is also asked for alone with GetImageInfo, 4 at a time: a file with 20 images
 * costs 1 + 20 calls once, about 2 s under the rate limit. Results are kept for the session (refreshed whenever the cache changes, e.g. an explorer
 * refresh), failed lookups are retried after 30 s at the earliest and never reported. Nothing runs
 * during activation: the first pass is debounced.
 */
import * as vscode from 'vscode';
import type { LookupState } from '../../vod/explorer/statusStyle';
import { resolveProgressively } from '../../vod/explorer/resolveQueue';
import { keepAuditStatus, needsAuditCheck } from './auditStatus';
import { backgroundLookupsAllowed, onDidAllowBackgroundLookups } from '../backgroundLookups';
import type { Services } from '../services';
import { planDiagnostics, type PlannedDiagnostic, type ReportedCondition } from './diagnosticPlan';
import { isInspected, type DocumentIds } from './documentIds';
import { FailureBackoff } from './failureBackoff';
import type { ImageServiceWatch } from './imageServiceWatch';
import { diagnosticMessages } from './labels';
import { distinctIds } from './occurrences';

export const DIAGNOSTIC_COLLECTION = 'vodImages';
export const DIAGNOSTIC_SOURCE = 'VOD Images';

/** After an edit or an open; long enough that typing does not start a pass per keystroke. */
const DOCUMENT_DELAY_MS = 500;
/** Distinct IDs looked up per document: 25 calls at most. */
export const MAX_IDS_PER_DOCUMENT = 500;
/** Single GetImageInfo calls per document for the audit status (see the cost note above). */
export const MAX_AUDIT_CHECKS_PER_DOCUMENT = 50;
const AUDIT_CONCURRENCY = 4;
/** Bounds the session's memory of lookups; past it the memory starts afresh. */
const MAX_KNOWN = 20_000;

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION);
  /** The last answer for each ID this session: found or missing (failures are not kept). */
  private readonly known = new Map<string, LookupState>();
  private readonly backoff = new FailureBackoff();
  /** IDs whose audit status was asked for this session (answered or not: one try per session). */
  private readonly auditAsked = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    private readonly services: Services,
    private readonly watch: ImageServiceWatch,
    private readonly documentIds: DocumentIds,
  ) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      onDidAllowBackgroundLookups(() => this.scheduleAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (['vodImages.diagnostics', 'vodImages.idPattern'].some((k) => e.affectsConfiguration(k))) this.scheduleAll();
      }),
      watch.onDidChange((change) => {
        if (change.kind === 'all') {
          this.known.clear();
          this.auditAsked.clear();
          this.backoff.clear();
          this.collection.clear();
          this.scheduleAll();
        } else {
          this.learn(change.ids);
        }
      }),
    );
    this.scheduleAll();
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private enabled(): boolean {
    return this.services.settings().diagnosticsEnabled;
  }

  private scheduleAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (this.disposed || !isInspected(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.update(document);
      }, DOCUMENT_DELAY_MS),
    );
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.collection.delete(document.uri);
    this.documentIds.forget(document);
  }

  /** Resolves the document's unknown IDs (trusted workspaces only), then publishes what is known. */
  private async update(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed) return;
    if (!this.enabled()) {
      this.collection.delete(document.uri);
      return;
    }
    if (!backgroundLookupsAllowed()) {
      this.publish(document);
      return;
    }
    const occurrences = this.documentIds.occurrences(document, this.services.settings().idPattern);
    const unknown = this.backoff.allowed(distinctIds(occurrences, MAX_IDS_PER_DOCUMENT).filter((id) => !this.known.has(id)));
    if (unknown.length > 0) {
      const service = await this.watch.acquire();
      if (service && !this.disposed) {
        await resolveProgressively(service, unknown, {
          onResolved: (outcomes) => {
            const failed: string[] = [];
            for (const [id, outcome] of outcomes) {
              if (outcome.state === 'failed') failed.push(id);
              else this.remember(id, outcome);
            }
            this.backoff.markFailed(failed);
          },
        }).catch(() => undefined);
      }
    }
    this.publish(document);
    if (await this.checkAudit(distinctIds(occurrences, MAX_IDS_PER_DOCUMENT))) this.publish(document);
  }

  /** Asks GetImageInfo for the audit status of the document's found images not yet checked; true if any was learnt. */
  private async checkAudit(ids: readonly string[]): Promise<boolean> {
    const pending = ids.filter((id) => !this.auditAsked.has(id) && needsAuditCheck(this.known.get(id))).slice(0, MAX_AUDIT_CHECKS_PER_DOCUMENT);
    if (pending.length === 0) return false;
    for (const id of pending) this.auditAsked.add(id);
    let api: Awaited<ReturnType<Services['api']>>;
    try {
      api = await this.services.api();
    } catch {
      return false;
    }
    let learnt = false;
    const worker = async (): Promise<void> => {
      for (let id = pending.shift(); id !== undefined && !this.disposed; id = pending.shift()) {
        try {
          const info = await api.getImageInfo(id);
          if (info.AuditStatus === undefined) continue;
          this.remember(id, { state: 'found', info, fetchedAt: Date.now() });
          learnt = true;
        } catch {
          // Not found since, or a failure: the batch answer stands.
        }
      }
    };
    await Promise.all(Array.from({ length: AUDIT_CONCURRENCY }, worker));
    return learnt;
  }

  /** The cache changed for these IDs (a lookup anywhere, or an invalidation): take the news and republish. */
  private learn(ids: readonly string[]): void {
    const service = this.watch.current();
    const changed = new Set(ids);
    for (const id of ids) {
      // An invalidated ID keeps its last answer until the fresh one lands (a refresh is under way).
      const lookup = service?.peek(id);
      if (lookup) this.remember(id, lookup);
    }
    if (!this.enabled()) return;
    for (const document of vscode.workspace.textDocuments) {
      if (!isInspected(document) || document.isClosed) continue;
      const occurrences = this.documentIds.occurrences(document, this.services.settings().idPattern);
      if (occurrences.some((o) => changed.has(o.id))) this.publish(document);
    }
  }

  private remember(id: string, lookup: LookupState): void {
    if (this.known.size >= MAX_KNOWN && !this.known.has(id)) this.known.clear();
    this.known.set(id, keepAuditStatus(this.known.get(id), lookup));
  }

  private publish(document: vscode.TextDocument): void {
    if (this.disposed || document.isClosed) return;
    if (!this.enabled()) {
      this.collection.delete(document.uri);
      return;
    }
    const settings = this.services.settings();
    const planned = planDiagnostics(this.documentIds.occurrences(document, settings.idPattern), (id) => this.known.get(id), {
      reportMissing: settings.diagnosticsReportMissing,
      messages: diagnosticMessages(),
    });
    this.collection.set(document.uri, planned.map(toDiagnostic));
  }
}

function toDiagnostic(planned: PlannedDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(planned.line, planned.character, planned.line, planned.character + planned.length);
  const severity = planned.level === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(range, planned.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = planned.condition satisfies ReportedCondition;
  return diagnostic;
}
