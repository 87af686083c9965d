/**
 * The workspace scan behind "This Workspace": a full scan on demand (findFiles honouring
 * `files.exclude`, `search.exclude` and the `vodImages.scan.*` settings; binary and large files
 * skipped by the core scanner; bounded concurrency; progress in the view; cancellable), then
 * incremental updates: the file watcher and document saves rescan only the files that changed.
 *
 * Nothing runs at activation: the first scan starts when the explorer is first shown, and never
 * automatically in an untrusted workspace (its files are not ours to read unasked).
 *
 * A full scan of folders on disk runs the editor's own ripgrep when it has one (ripgrepScan.ts:
 * several times faster, and the host only reads the lines that hold candidates); otherwise, for
 * virtual folders, an ID pattern or glob ripgrep cannot take, or when ripgrep fails before reporting
 * anything, the built-in scanner reads the files through `workspace.fs`.
 */
import * as vscode from 'vscode';
import { isVodError, VodError } from '../../vod/errors';
import { localizeError, localizeMessage } from '../localize';
import { msg } from '../../vod/messages';
import { ChangeLedger } from '../../vod/scan/changeLedger';
import { isInsideAny } from '../../vod/scan/nestedFolders';
import { PATHS_ASKED_ONE_BY_ONE, sortChanges, type ChangeQueries, type PathKind } from '../../vod/scan/changedPaths';
import { scanFiles, type FileScanResult, type ScanSummary } from '../../vod/scan/fileScanner';
import { ripgrepArgs, type RipgrepScanRules } from '../../vod/scan/ripgrepArgs';
import { RipgrepFailed, scanWithRipgrep } from '../../vod/scan/ripgrepScan';
import { WorkspaceIndex } from '../../vod/scan/workspaceIndex';
import { usablePattern } from '../lookup/imageTarget';
import type { Services } from '../services';
import { editorRipgrep } from './ripgrepBinary';
import { DEFAULT_INCLUDE, joinedScanGlobs, scanGlobLists, type ScanGlobLists, type ScanGlobs } from './scanGlobs';
import { childUriFactory } from './childUri';
import { folderScanGlobs, type FolderSettingProblem, type ScanGlobSettings } from './folderScanGlobs';
import { nestedWorkspaceFolders, ownedBy } from './nestedWorkspaceFolders';
import { rescanWithRipgrep } from './ripgrepRescan';
import { decideScan, type ScanTrigger } from './scanTrigger';
import { workspaceFileSource } from './workspaceFileSource';

import { EXPLORER_VIEW_ID } from '../viewIds';
export { EXPLORER_VIEW_ID };
/** A workspace with more files than this is scanned in part (the first ones findFiles returns). */
export const MAX_SCAN_FILES = 50_000;
/** How often scanned files are folded into the index (one tree refresh each) during a scan. */
const FLUSH_MS = 300;
/**
 * Results folded in at most this many at a time: ripgrep reports thousands of files in 300 ms, and
 * folding them all in one go would block the extension host (hovers, typing) for tens of ms. Measured in
 * the host on the `--large` corpus, 1,000 at a time took 30–80 ms with the garbage collection it caused.
 */
const MAX_PENDING_RESULTS = 250;
/**
 * How long changed files are gathered before a rescan. The watcher delivers its events in batches
 * already (and each new event restarts the wait, so a burst stays together), so the wait only has to
 * outlast the gap between two of its batches. Measured in the host (`npm run bench`), the editor's watcher
 * alone takes most of the 300 ms an edited file may take; 50 ms here left it at 306–389 ms.
 */
const INCREMENTAL_DELAY_MS = 15;

/**
 * A burst of at least this many watcher events (a branch switch, an install) is followed, once it has
 * been quiet for BURST_QUIET_MS, by a full scan: the editor's watcher loses events when the operating
 * system's queue overflows (Linux keeps 16,384 inotify events by default), and measured in the host, a
 * 10,000-file branch switch lost 3–4 % of them. The incremental rescans still show most of the switch
 * at once; the full scan (ripgrep, a few seconds) puts right what was lost.
 */
export const BURST_FULL_SCAN_EVENTS = 1_000;
const BURST_QUIET_MS = 1_000;

/** Which scanner the last full scan used (shown in the log; read by the integration tests). */
export type ScanEngine = 'ripgrep' | 'builtin';

export type ScanState =
  | { readonly kind: 'notStarted' }
  | { readonly kind: 'untrusted' }
  | { readonly kind: 'noFolder' }
  | { readonly kind: 'scanning'; readonly done: number; readonly listed: number }
  | { readonly kind: 'done'; readonly summary: ScanSummary }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

export class ScanController implements vscode.Disposable {
  readonly index = new WorkspaceIndex();
  private current: ScanState = { kind: 'notStarted' };
  private readonly stateEmitter = new vscode.EventEmitter<ScanState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private running: { controller: AbortController; done: Promise<ScanSummary | undefined> } | undefined;
  /** Keeps a scan's results for files the watcher reported changed or deleted since it began reading from landing. */
  private readonly ledger = new ChangeLedger();
  private readonly disposables: vscode.Disposable[] = [this.stateEmitter];
  private watching = false;
  /** Full scans begun: a rescan whose results would land after a newer full scan began drops them. */
  private fullScans = 0;
  private queued = new Set<string>();
  private queueTimer: ReturnType<typeof setTimeout> | undefined;
  /** Watcher events since the last quiet moment, and the timer that waits for the next one. */
  private burstEvents = 0;
  private burstTimer: ReturnType<typeof setTimeout> | undefined;
  private incremental: Promise<void> = Promise.resolve();
  /** Problems with a folder's own scan settings already shown. */
  private readonly reportedProblems = new Set<string>();
  /**
   * Tests only: awaited after an incremental rescan has read its files and before their results
   * land, so a test can delete a file exactly then (the race the ledger guards against).
   */
  beforeResultsLand: (() => Promise<void>) | undefined;
  /** Tests only: `false` makes full scans use the built-in scanner even where ripgrep is available. */
  useRipgrep = true;
  /** The scanner of the last full scan that finished. */
  lastEngine: ScanEngine | undefined;
  /** How the last incremental rescan read its files: ripgrep on the changed folders, or findFiles and workspace.fs. */
  lastRescanEngine: ScanEngine | undefined;

  constructor(private readonly services: Services) {
    this.disposables.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.on('trustGranted')),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.on('scopeChanged')),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (['vodImages.scan', 'vodImages.idPattern', 'files.exclude', 'search.exclude'].some((k) => e.affectsConfiguration(k))) this.on('scopeChanged');
      }),
    );
  }

  get state(): ScanState {
    return this.current;
  }

  /** The first scan, when the view is first shown: skipped (and explained) in an untrusted workspace. */
  ensureStarted(): void {
    this.on('viewShown');
  }

  private on(trigger: ScanTrigger): void {
    const decision = decideScan(trigger, this.current.kind, vscode.workspace.isTrusted);
    if (decision === 'scan') void this.scan();
    else if (decision === 'holdUntrusted') this.setState({ kind: 'untrusted' });
  }

  /** A full scan (the command runs it even in an untrusted workspace: the user asked). Restarts one in progress. */
  scan(): Promise<ScanSummary | undefined> {
    this.cancel();
    if (!vscode.workspace.workspaceFolders?.length) {
      this.index.clear();
      this.setState({ kind: 'noFolder' });
      return Promise.resolve(undefined);
    }
    const controller = new AbortController();
    const done = vscode.window.withProgress({ location: { viewId: EXPLORER_VIEW_ID } }, () => this.runFullScan(controller.signal));
    const running = { controller, done: Promise.resolve(done) };
    this.running = running;
    void running.done.finally(() => {
      if (this.running === running) this.running = undefined;
    });
    return running.done;
  }

  cancel(): void {
    this.running?.controller.abort();
  }

  /** Resolves when the scan in progress and the queued incremental updates are done. */
  async settled(): Promise<void> {
    await this.running?.done.catch(() => undefined);
    if (this.queueTimer !== undefined) {
      clearTimeout(this.queueTimer);
      this.queueTimer = undefined;
      this.flushQueue();
    }
    await this.incremental;
    // A burst that will end in a full scan: that scan now, rather than after the quiet time.
    if (this.burstTimer !== undefined && this.burstEvents >= BURST_FULL_SCAN_EVENTS) {
      clearTimeout(this.burstTimer);
      this.burstTimer = undefined;
      await this.afterBurst();
    }
  }

  dispose(): void {
    this.cancel();
    if (this.queueTimer !== undefined) clearTimeout(this.queueTimer);
    if (this.burstTimer !== undefined) clearTimeout(this.burstTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  /**
   * The findFiles globs of one workspace folder: `files.exclude`, `search.exclude` and
   * `vodImages.scan.include`/`exclude` are folder settings (in a multi-root workspace each folder's
   * .vscode/settings.json may set its own over the workspace's). Without a folder: the workspace's.
   */
  private globs(folder?: vscode.WorkspaceFolder): ScanGlobs {
    return joinedScanGlobs(this.globLists(folder));
  }

  /** The same globs one by one (ripgrep takes a `--glob` each). */
  private globLists(folder: vscode.WorkspaceFolder | undefined): ScanGlobLists {
    const excludes = folderExcludes(folder);
    const own = this.scanGlobSettings(folder);
    return scanGlobLists(own.include, excludes.files, excludes.search, own.exclude);
  }

  private scanGlobSettings(folder: vscode.WorkspaceFolder | undefined): ScanGlobSettings {
    const settings = this.services.settings();
    return folderScanGlobs(folder, { include: settings.scanInclude, exclude: settings.scanExclude }, (problem) => this.reportFolderProblem(problem));
  }

  /** Once per distinct problem: a folder's setting is read again by every scan and rescan. */
  private reportFolderProblem(problem: FolderSettingProblem): void {
    const message = vscode.l10n.t('Setting {0} of folder {1} is invalid and was ignored: {2}', problem.key, problem.folder.name, localizeMessage(problem.reason));
    if (this.reportedProblems.has(message)) return;
    this.reportedProblems.add(message);
    this.services.log.warn(message);
    void vscode.window.showWarningMessage(message);
  }

  private async runFullScan(signal: AbortSignal): Promise<ScanSummary | undefined> {
    const pass = await this.fullScanPass(signal, false);
    if (pass !== SCAN_AGAIN) return pass;
    this.services.log.debug('scan: IDs were left out while files this scan dropped held the bounds; scanning again from an empty index');
    const again = await this.fullScanPass(signal, true);
    return again === SCAN_AGAIN ? undefined : again;
  }

  /**
   * One reading of the workspace into the index. SCAN_AGAIN when IDs were left out while files this scan
   * then dropped (now excluded after a settings change, deleted unseen) still held the bounds: with them
   * gone there is room, and only a reading from an empty index can tell which IDs fit.
   */
  private async fullScanPass(signal: AbortSignal, fromEmpty: boolean): Promise<ScanSummary | undefined | typeof SCAN_AGAIN> {
    // What the index knew before, less what this scan reports: deleted, now excluded or without IDs.
    // (Not a set of every reported path: that would be an entry per file of a 200,000-file workspace.)
    // When the last scan left IDs out, start from an empty index: the files it kept would hold the bounds
    // until this scan's sweep at its end, so the IDs it finds (after the excludes were narrowed, as the view
    // advises) would be left out again, and the sweep would then empty the index.
    this.fullScans += 1;
    if (fromEmpty || this.index.limitReached) this.index.clear();
    const unconfirmed = new Set(this.index.files());
    this.index.rescanning();
    const pending: FileScanResult[] = [];
    const mark = this.ledger.begin();
    // A run replaced by another (a settings change restarts the scan) adds nothing more: what it read under
    // the old settings would land after the new run listed what it must confirm, and stay. A run the user
    // cancelled keeps what it read (the view says the scan was cancelled).
    const replaced = (): boolean => signal.aborted && this.running?.controller.signal !== signal;
    const flush = (): void => {
      if (replaced()) pending.length = 0;
      else this.apply(pending.splice(0), mark);
    };
    const timer = setInterval(flush, FLUSH_MS);
    // Changes are followed from the first scan on, also when it is cancelled or fails: the index holds
    // what it read, and a file deleted later must still leave it. (Events during the scan are in the ledger.)
    this.startWatching();
    this.setState({ kind: 'scanning', done: 0, listed: 0 });
    const found = (result: FileScanResult): void => {
      unconfirmed.delete(result.path);
      pending.push(result);
      if (pending.length >= MAX_PENDING_RESULTS) flush();
    };
    try {
      const viaRipgrep = await this.ripgrepScan(signal, found);
      const summary = viaRipgrep ?? (await this.builtinScan(signal, found));
      this.lastEngine = viaRipgrep ? 'ripgrep' : 'builtin';
      flush();
      // Files indexed before but not found this time were deleted, are now excluded or hold no ID any
      // more (unless created since the listing: an incremental rescan indexed those).
      let swept = 0;
      this.index.batch(() => {
        for (const file of unconfirmed) {
          if (this.ledger.isStale(file, mark)) continue;
          this.index.removeFile(file);
          swept += 1;
        }
      });
      if (this.index.limitReached && swept > 0 && !fromEmpty) return SCAN_AGAIN;
      this.setState({ kind: 'done', summary });
      return summary;
    } catch (error) {
      flush();
      if (isVodError(error) && error.kind === 'cancelled') {
        if (signal.aborted && this.running?.controller.signal === signal) this.setState({ kind: 'cancelled' });
        return undefined;
      }
      const message = isVodError(error) ? error.message : String(error instanceof Error ? error.message : error);
      this.services.log.warn(`workspace scan failed: ${message}`);
      this.setState({ kind: 'failed', message: isVodError(error) ? localizeError(error) : message });
      return undefined;
    } finally {
      clearInterval(timer);
      this.ledger.end();
    }
  }

  /** Every file through findFiles and workspace.fs (virtual folders, or when ripgrep cannot be used). */
  private builtinScan(signal: AbortSignal, found: (result: FileScanResult) => void): Promise<ScanSummary> {
    const settings = this.services.settings();
    return scanFiles({
      source: workspaceFileSource(() => findFiles((folder) => this.globs(folder), MAX_SCAN_FILES, signal)),
      pattern: usablePattern(settings.idPattern),
      maxFileSize: settings.scanMaxFileSize,
      signal,
      onFile: found,
      onProgress: this.progress((p) => p.done, (p) => p.listed),
    });
  }

  /**
   * The folders through the editor's ripgrep; undefined when it cannot be used here (the reason is
   * logged), and the built-in scanner runs instead. Files ripgrep reports without IDs are not
   * reported at all: the caller drops what the index held for every file it did not see.
   */
  private async ripgrepScan(signal: AbortSignal, found: (result: FileScanResult) => void): Promise<ScanSummary | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const rgPath = this.useRipgrep ? editorRipgrep(vscode.env.appRoot) : undefined;
    if (!rgPath || folders.some((f) => f.uri.scheme !== 'file')) {
      this.services.log.debug(`scan: built-in scanner (${rgPath ? 'a folder is not on disk' : 'no ripgrep in the editor'})`);
      return undefined;
    }
    // Each folder's own rules; all checked first, so that ripgrep refusing one folder's glob does not leave
    // the scan half done on ripgrep before the built-in scanner reads everything again.
    const runs = folders.map((folder) => ({ folder, rules: this.ripgrepRules(folder) }));
    const refused = runs.map(({ rules }) => ripgrepArgs(rules)).find((plan) => !plan.ok);
    if (refused && !refused.ok) {
      this.services.log.warn(`scan: ripgrep could not be used (${refused.reason}); using the built-in scanner`);
      return undefined;
    }
    const exact: vscode.Uri[] = [];
    let files = 0;
    let occurrences = 0;
    const progress = this.progress(() => files, () => files);
    try {
      for (const { folder, rules } of runs) {
        const childUri = childUriFactory(folder.uri);
        const summary = await scanWithRipgrep({
          ...rules,
          rgPath,
          cwd: folder.uri.fsPath,
          skip: nestedWorkspaceFolders(folder).map((nested) => nested.relative),
          signal,
          onFile: (file) => {
            if (file.needsExactScan) return void exact.push(vscode.Uri.joinPath(folder.uri, file.path));
            found({ status: 'scanned', path: childUri(file.path), occurrences: file.occurrences });
            files += 1;
            occurrences += file.occurrences.length;
            progress(undefined);
          },
        });
        if (summary.partial) this.services.log.debug(`scan: ripgrep could not read some files in ${folder.name}`);
      }
    } catch (error) {
      if (!(error instanceof RipgrepFailed)) throw error;
      this.services.log.warn(`scan: ripgrep could not be used (${error.message}); using the built-in scanner`);
      return undefined;
    }
    // Files with a line break ripgrep does not count (a lone CR): positions come from our own reading.
    if (exact.length > 0) {
      const more = await this.readListed(exact, found, signal);
      files += more.scanned;
      occurrences += more.occurrences;
    }
    return { scanned: files, skipped: 0, failed: 0, occurrences };
  }

  /** These files read by the built-in scanner, with the scan's ID pattern and size limit. */
  private readListed(uris: readonly vscode.Uri[], onFile: (result: FileScanResult) => void, signal?: AbortSignal): Promise<ScanSummary> {
    const settings = this.services.settings();
    return scanFiles({
      source: workspaceFileSource(() => Promise.resolve(uris)),
      pattern: usablePattern(settings.idPattern),
      maxFileSize: settings.scanMaxFileSize,
      signal,
      onFile,
    });
  }

  /** The scan's settings for one workspace folder as ripgrep takes them (see globs()). */
  private ripgrepRules(folder: vscode.WorkspaceFolder): RipgrepScanRules {
    const settings = this.services.settings();
    const lists = this.globLists(folder);
    return { idPattern: usablePattern(settings.idPattern), include: lists.include, exclude: lists.exclude, maxFileSize: settings.scanMaxFileSize };
  }

  /** Progress for the view, at most twice a second: a refresh per file would flood the tree. */
  private progress<T>(done: (p: T) => number, listed: (p: T) => number): (p: T) => void {
    let last = 0;
    return (p) => {
      if (Date.now() - last < 500) return;
      last = Date.now();
      this.setState({ kind: 'scanning', done: done(p), listed: listed(p) });
    };
  }

  /** Folds scan results into the index as one change, except those the watcher has overtaken since `mark`. */
  private apply(results: readonly FileScanResult[], mark: number): void {
    if (results.length === 0) return;
    this.index.batch(() => {
      for (const result of results) {
        if (this.ledger.isStale(result.path, mark)) continue;
        if (result.status === 'scanned') {
          this.index.replaceFile(result.path, result.occurrences);
        } else {
          // Skipped or unreadable now: whatever it held before is no longer known to be there.
          this.index.removeFile(result.path);
          if (result.status === 'failed') this.services.log.debug(`scan: could not read ${result.path}`);
        }
      }
    });
  }

  private startWatching(): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.enqueue(uri)),
      watcher.onDidChange((uri) => this.enqueue(uri)),
      watcher.onDidDelete((uri) => this.deleted(uri)),
      vscode.workspace.onDidSaveTextDocument((document) => this.enqueue(document.uri)),
    );
  }

  private deleted(uri: vscode.Uri): void {
    this.countBurst();
    this.ledger.touch(uri.toString(), 'deleted');
    this.forget(uri.toString());
  }

  /** A path (URI string) and everything under it leave the index, but the files in `keep`. */
  private forget(path: string, keep?: ReadonlySet<string>): void {
    this.index.batch(() => {
      this.index.removeFile(path);
      this.index.removeFilesUnder(`${path}/`, keep);
    });
  }

  /** A path the file watcher (or a save) reported created or changed: rescanned shortly, with others that come. */
  enqueue(uri: vscode.Uri): void {
    // A workspace folder itself "changed": nothing to rescan (its files report their own changes).
    if (vscode.workspace.workspaceFolders?.some((f) => f.uri.toString() === uri.toString())) return;
    this.countBurst();
    // Queued even while a full scan runs: it may have read the file already.
    this.ledger.touch(uri.toString(), 'changed');
    this.queued.add(uri.toString());
    if (this.queueTimer !== undefined) clearTimeout(this.queueTimer);
    this.queueTimer = setTimeout(() => {
      this.queueTimer = undefined;
      this.flushQueue();
    }, INCREMENTAL_DELAY_MS);
  }

  /** One more watcher event: a burst ends after BURST_QUIET_MS without one. */
  private countBurst(): void {
    this.burstEvents += 1;
    if (this.burstTimer !== undefined) clearTimeout(this.burstTimer);
    this.burstTimer = setTimeout(() => {
      this.burstTimer = undefined;
      void this.afterBurst();
    }, BURST_QUIET_MS);
  }

  /** A burst large enough to have lost events gets a full scan, once its rescans are done. */
  private async afterBurst(): Promise<void> {
    const events = this.burstEvents;
    this.burstEvents = 0;
    if (events < BURST_FULL_SCAN_EVENTS) return;
    await this.incremental;
    this.services.log.debug(`scan: ${events} file events in one burst; scanning the workspace again in case the file watcher dropped some`);
    await this.scan();
  }

  private flushQueue(): void {
    const uris = [...this.queued].map((u) => vscode.Uri.parse(u, true));
    this.queued = new Set();
    if (uris.length === 0) return;
    this.incremental = this.incremental.then(() => this.rescan(uris)).catch((error: unknown) => {
      this.services.log.warn(`incremental scan failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /**
   * Rescans what changed: included files are read again, the rest leaves the index. Waits for a
   * full scan in progress, so a burst of changes during it is read once, after it.
   */
  private async rescan(uris: readonly vscode.Uri[]): Promise<void> {
    await this.running?.done.catch(() => undefined);
    const mark = this.ledger.begin();
    // A full scan begun after this rescan read its files (a settings change) reads them itself, under the
    // new rules: results read under the old ones must not land after it and bring back a now-excluded file.
    const superseded = ((generation) => () => this.fullScans !== generation)(this.fullScans);
    try {
      if (await this.rescanViaRipgrep(uris, mark, superseded)) {
        this.lastRescanEngine = 'ripgrep';
        return;
      }
      this.lastRescanEngine = 'builtin';
      const changes = await sortChanges(uris.map((u) => u.toString()), changeQueries((folder) => this.globs(folder)), PATHS_ASKED_ONE_BY_ONE);
      for (const path of changes.gone) if (!this.ledger.isStale(path, mark)) this.forget(path);
      if (changes.files.length === 0) return;
      const results: FileScanResult[] = [];
      await this.readListed(changes.files.map((f) => vscode.Uri.parse(f, true)), (result) => results.push(result));
      await this.beforeResultsLand?.();
      if (superseded()) return;
      const listed = new Set(results.map((r) => r.path));
      // Not listed by the source: deleted since, or no longer a plain file.
      for (const file of changes.files) if (!listed.has(file) && !this.ledger.isStale(file, mark)) this.forget(file);
      this.apply(results, mark);
    } finally {
      this.ledger.end();
    }
  }

  /**
   * The rescan through ripgrep (ripgrepRescan.ts) when the last full scan ran on it; false when it
   * cannot be used for these paths (the findFiles way runs then).
   */
  private async rescanViaRipgrep(uris: readonly vscode.Uri[], mark: number, superseded: () => boolean): Promise<boolean> {
    const rgPath = this.lastEngine === 'ripgrep' && this.useRipgrep ? editorRipgrep(vscode.env.appRoot) : undefined;
    if (!rgPath) return false;
    let plan;
    try {
      plan = await rescanWithRipgrep(uris, (folder) => this.ripgrepRules(folder), rgPath);
    } catch (error) {
      if (!(error instanceof RipgrepFailed)) throw error;
      this.services.log.warn(`scan: ripgrep could not rescan (${error.message}); listing the workspace instead`);
      return false;
    }
    if (!plan) return false;
    const { results, forget, refreshed, exact } = plan;
    if (exact.length > 0) await this.readListed(exact, (result) => results.push(result));
    await this.beforeResultsLand?.();
    if (superseded()) return true;
    this.index.batch(() => {
      for (const path of forget) if (!this.ledger.isStale(path, mark)) this.forget(path);
      if (refreshed.length > 0) {
        const found = new Set(results.map((r) => r.path));
        for (const folder of refreshed) if (!this.ledger.isStale(folder, mark)) this.forget(folder, found);
      }
      this.apply(results, mark);
    });
    return true;
  }

  private setState(state: ScanState): void {
    this.current = state;
    this.stateEmitter.fire(state);
  }
}

/** A full scan's pass asks for another from an empty index (fullScanPass). */
const SCAN_AGAIN = Symbol('SCAN_AGAIN');

/** A workspace folder's own `files.exclude` and `search.exclude` (merged over the workspace's by the editor). */
function folderExcludes(folder: vscode.WorkspaceFolder | undefined): { files: unknown; search: unknown } {
  return {
    files: vscode.workspace.getConfiguration('files', folder?.uri).get<unknown>('exclude'),
    search: vscode.workspace.getConfiguration('search', folder?.uri).get<unknown>('exclude'),
  };
}

type GlobsOf = (folder: vscode.WorkspaceFolder | undefined) => ScanGlobs;

async function findFiles(globsOf: GlobsOf, max: number, signal: AbortSignal): Promise<vscode.Uri[]> {
  const source = new vscode.CancellationTokenSource();
  const abort = (): void => source.cancel();
  signal.addEventListener('abort', abort, { once: true });
  try {
    const uris = await findOwnFiles(globsOf, max, source.token);
    if (signal.aborted) throw new VodError('cancelled', msg('cancel.scan'));
    return uris;
  } finally {
    signal.removeEventListener('abort', abort);
    source.dispose();
  }
}

/**
 * findFiles over every workspace folder, each file listed under the rules of the folder it belongs to.
 * With several folders each is listed on its own, with its own excludes, and keeps only its own files:
 * findFiles takes one exclude for all folders, and one listing of the workspace reads a nested folder's
 * files under the outer folder's globs too (nestedFolders.ts).
 */
async function findOwnFiles(globsOf: GlobsOf, max: number, token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) {
    const globs = globsOf(folders[0]);
    return vscode.workspace.findFiles(globs.include, globs.exclude, max, token);
  }
  const found: vscode.Uri[] = [];
  for (const folder of folders) {
    if (found.length >= max || token?.isCancellationRequested) break;
    const globs = globsOf(folder);
    const listed = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, globs.include), globs.exclude, max - found.length, token);
    for (const uri of listed) if (ownedBy(uri, folder)) found.push(uri);
  }
  return found;
}

const GLOB_SYNTAX = /[*?[\]{}!,]/;

/** A changed path as findFiles can be asked about it: outside every workspace folder, or a literal pattern in one. */
type PathInWorkspace =
  | { readonly kind: 'outside' }
  | { readonly kind: 'unaskable' }
  | { readonly kind: 'literal'; readonly folder: vscode.WorkspaceFolder; readonly relative: string };

function inWorkspace(path: string): PathInWorkspace {
  const uri = vscode.Uri.parse(path, true);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return { kind: 'outside' };
  const relative = vscode.workspace.asRelativePath(uri, false);
  // Glob syntax in the path would be read as a pattern.
  return relative !== '' && !GLOB_SYNTAX.test(relative) ? { kind: 'literal', folder, relative } : { kind: 'unaskable' };
}

/**
 * The questions sortChanges asks, answered by findFiles with the scan's own globs so that an
 * incremental rescan follows the same rules as the full scan. A single path is asked about with its
 * folder's excludes only, so a folder whose own include is not everything, like a path that cannot be
 * asked about literally, makes sortChanges list instead.
 */
function changeQueries(globsOf: GlobsOf): ChangeQueries {
  const excludeOf = (folder: vscode.WorkspaceFolder): ScanGlobs['exclude'] | undefined => {
    const globs = globsOf(folder);
    return globs.include === DEFAULT_INCLUDE ? globs.exclude : undefined;
  };
  return {
    kind: (path) => pathKind(vscode.Uri.parse(path, true)),
    async includes(path) {
      const at = inWorkspace(path);
      if (at.kind !== 'literal') return at.kind === 'outside' ? false : undefined;
      const exclude = excludeOf(at.folder);
      if (exclude === undefined) return undefined;
      return (await vscode.workspace.findFiles(new vscode.RelativePattern(at.folder, at.relative), exclude, 1)).length > 0;
    },
    async includedUnder(path) {
      const at = inWorkspace(path);
      if (at.kind !== 'literal') return at.kind === 'outside' ? [] : undefined;
      const exclude = excludeOf(at.folder);
      if (exclude === undefined) return undefined;
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(at.folder, `${at.relative}/**`), exclude, MAX_SCAN_FILES);
      const own = found.filter((uri) => ownedBy(uri, at.folder));
      // Workspace folders nested in this folder are listed under their own rules.
      for (const { folder, relative } of nestedWorkspaceFolders(at.folder)) {
        if (!isInsideAny(relative, [at.relative])) continue;
        const theirExclude = excludeOf(folder);
        if (theirExclude === undefined) return undefined;
        const theirs = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**'), theirExclude, MAX_SCAN_FILES);
        own.push(...theirs.filter((uri) => ownedBy(uri, folder)));
      }
      return own.map((u) => u.toString());
    },
    async includedAll() {
      return (await findOwnFiles(globsOf, MAX_SCAN_FILES)).map((u) => u.toString());
    },
  };
}

async function pathKind(uri: vscode.Uri): Promise<PathKind> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return 'folder';
    return stat.type & vscode.FileType.File ? 'file' : 'gone';
  } catch {
    return 'gone';
  }
}
