/**
 * The explorer's TreeDataProvider: five groups (Selection, This Workspace, Recent, Pinned, Library)
 * over one table of lookup states. IDs resolve progressively in batches through the shared
 * ImageService (never one call per ID), and every change refreshes only the rows it touches: an
 * answer refreshes the rows of its IDs, a changed set of IDs refreshes its group.
 */
import { WorkspaceOrder } from '../../vod/explorer/workspaceOrder';
import * as vscode from 'vscode';
import { localizeErrorLine } from '../localize';
import { groupByCategory } from '../../vod/explorer/categories';
import { searchWindowNotice } from '../../vod/explorer/libraryPager';
import { resolveProgressively } from '../../vod/explorer/resolveQueue';
import { styleForLookup, type LookupState } from '../../vod/explorer/statusStyle';
import { isVodError } from '../../vod/errors';
import type { ImageService } from '../../vod/imageService';
import { imageMarkdown } from '../hover/imageHoverProvider';
import type { HoverThumbnails } from '../hover/thumbnails';
import type { ImageWrite, Services } from '../services';
import { accessibleImageLabel, categoryLabel, imageDescription, imageLabel, occurrenceLabel } from './itemText';
import { imageStatusWords, itemTextLabels, sectionLabel } from './labels';
import type { Library } from './library';
import { isFiltering } from './libraryFilter';
import {
  SECTION_ORDER,
  sectionNode,
  type CategoryNode,
  type ExplorerNode,
  type GroupNode,
  type ImageNode,
  type MessageNode,
  type OccurrenceNode,
  type SectionId,
  type SectionNode,
} from './nodes';
import type { SavedIds } from './savedIds';
import type { ScanController } from './scanController';
import type { SelectionTracker } from './selectionTracker';

type Change = ExplorerNode | ExplorerNode[] | undefined;

/** Rows This Workspace lists and looks up (⌈500/20⌉ = 25 calls at most); the rest are counted in a notice. */
export const MAX_WORKSPACE_ROWS = 500;

export interface ExplorerParts {
  readonly services: Services;
  readonly scan: ScanController;
  readonly selection: SelectionTracker;
  readonly saved: SavedIds;
  readonly library: Library;
  readonly thumbnails: HoverThumbnails;
}

/** How long index changes are gathered before the rows they touch are looked up (see resolveListed). */
const RESOLVE_GATHER_MS = 100;

export class ExplorerTree implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<Change>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  readonly sections: Readonly<Record<SectionId, SectionNode>> = Object.fromEntries(SECTION_ORDER.map((s) => [s, sectionNode(s)])) as Record<
    SectionId,
    SectionNode
  >;
  /** What GetImageInfos said of each ID (or another feature's cached answer): every section but Library reads this. */
  private readonly states = new Map<string, LookupState>();
  /**
   * What the Library's SearchMedia pages said of each ID. Kept apart from `states`: SearchMedia's
   * objects carry no Mezzanine (no W×H, no file size), so the same ID in another section is still
   * looked up in full rather than shown with the Library's thinner facts.
   */
  private readonly listed = new Map<string, LookupState>();
  /** Image rows currently shown, by parent key, so an answer refreshes exactly those rows. */
  private readonly shown = new Map<string, Map<string, ImageNode>>();
  private service: ImageService | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Bumped on session change: answers for the previous account are dropped. */
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private lastRootEmpty: boolean | undefined;
  /** The groups the root showed last, to tell a group's refresh from a root refresh. */
  private lastRootSections: string | undefined;

  constructor(private readonly parts: ExplorerParts) {
    const { services, scan, saved } = parts;
    this.workspaceOrder = new WorkspaceOrder(scan.index);
    this.disposables.push(
      services.onDidChangeSession(() => {
        this.generation += 1;
        this.states.clear();
        this.listed.clear();
        this.service = undefined;
        parts.library.reset();
        this.fire(undefined);
      }),
      scan.onDidChangeState(() => this.fireRootAnd(this.sections.workspace)),
      scan.index.onDidChange((change) => {
        this.workspaceOrder.changed(change.ids);
        const shown = this.shown.get('workspace');
        const setChanged = change.ids.some((id) => scan.index.has(id) !== (shown?.has(id) ?? false));
        if (setChanged || !shown) this.fireRootAnd(this.sections.workspace);
        else this.fire(change.ids.map((id) => shown.get(id)).filter((n): n is ImageNode => n !== undefined));
        this.resolveListed(change.ids);
      }),
    );
    if (services.onDidWrite) this.disposables.push(services.onDidWrite((write) => void this.applyWrite(write)));
    if (services.onDidLookUp) {
      this.disposables.push(
        services.onDidLookUp((ids) => {
          void saved.noteLookedUp(ids).then((changed) => {
            if (changed) this.fireRootAnd(this.sections.recent);
          });
        }),
      );
    }
  }

  dispose(): void {
    if (this.resolveTimer) clearTimeout(this.resolveTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  // ---- TreeDataProvider -----------------------------------------------------------------------

  getChildren(node?: ExplorerNode): vscode.ProviderResult<ExplorerNode[]> {
    if (!node) return this.rootChildren();
    switch (node.kind) {
      case 'section':
        return this.sectionChildren(node);
      case 'category':
        return this.imageNodes(node, node.imageIds, 'library');
      case 'image':
        return node.section === 'workspace' ? this.occurrenceNodes(node) : [];
      default:
        return [];
    }
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.kind === 'section' ? undefined : node.parent;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    switch (node.kind) {
      case 'section':
        return this.sectionItem(node);
      case 'category':
        return this.categoryItem(node);
      case 'image':
        return this.imageItem(node);
      case 'occurrence':
        return this.occurrenceItem(node);
      case 'message':
        return messageItem(node);
      case 'loadMore': {
        const item = new vscode.TreeItem(vscode.l10n.t('Load more…'));
        item.id = node.key;
        item.iconPath = new vscode.ThemeIcon('more');
        item.contextValue = 'vodLoadMore';
        item.command = { command: 'vodImages.loadMoreLibrary', title: vscode.l10n.t('Load more…') };
        return item;
      }
    }
  }

  /** The tooltip (with the thumbnail) is built only when the user hovers a row. */
  async resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (node.kind !== 'image') return item;
    const lookup = this.rowState(node);
    if (!lookup || lookup.state === 'pending') return item;
    if (lookup.state === 'failed') {
      item.tooltip = isVodError(lookup.error) ? localizeErrorLine(lookup.error) : vscode.l10n.t('The lookup failed. See the log for details.');
      return item;
    }
    const controller = new AbortController();
    const listener = token.onCancellationRequested(() => controller.abort());
    try {
      const source = lookup.state === 'found' ? lookup.info : lookup.state === 'missing' ? undefined : { ImageId: lookup.info.VideoId, URL: lookup.info.CoverURL };
      const thumbnail = source
        ? await this.parts.thumbnails
            .get(source, { signal: controller.signal, timeoutMs: this.parts.services.settings().requestTimeoutSeconds * 1000 })
            .catch(() => undefined)
        : undefined;
      item.tooltip = imageMarkdown({ lookup, thumbnail });
    } finally {
      listener.dispose();
    }
    return item;
  }

  // ---- what commands and tests use ------------------------------------------------------------

  stateOf(imageId: string): LookupState | undefined {
    const state = this.states.get(imageId);
    if (state) return state;
    // Warm from any other consumer (hover, lookup, panel) without a call.
    const peeked = this.service?.peek(imageId);
    if (peeked) this.states.set(imageId, peeked);
    return peeked;
  }

  /** The fullest facts known of an ID: a found full lookup, else what a Library page said, else the lookup's state. */
  bestKnown(imageId: string): LookupState | undefined {
    const full = this.stateOf(imageId);
    return full?.state === 'found' ? full : (this.listed.get(imageId) ?? full);
  }

  /** The image IDs a group lists, in order. */
  idsOf(group: GroupNode): string[] {
    if (group.kind === 'category') return [...group.imageIds];
    switch (group.section) {
      case 'selection':
        return [...this.parts.selection.current()];
      case 'workspace':
        return this.workspaceIds().slice(0, MAX_WORKSPACE_ROWS);
      case 'recent':
        return this.parts.saved.recent.ids();
      case 'pinned':
        return this.parts.saved.pinned.ids();
      case 'library':
        return this.parts.library.pager?.assets.map((a) => a.id) ?? [];
    }
  }

  /** Looks up whatever of `ids` is not known yet, and waits for it. */
  async resolveAll(ids: readonly string[]): Promise<void> {
    this.resolve(ids);
    await this.settled();
  }

  /** Forgets what is known about some IDs (or all) and looks them up again where shown. */
  refreshIds(ids?: readonly string[]): void {
    const targets = ids ?? [...new Set([...this.states.keys(), ...this.listed.keys()])];
    for (const id of targets) {
      this.states.delete(id);
      this.listed.delete(id);
      this.service?.invalidate(id);
    }
    this.fire(this.rowsOf(targets));
    this.resolve(targets.filter((id) => this.isShownOutsideLibrary(id)));
  }

  /**
   * After an upload, edit or delete made here: rows show the shared cache's fresh answers (the write
   * command looked the images up again), deleted images leave Recent and Pinned, new ones join Recent,
   * and an open Library listing is asked again (new images first, deleted ones gone, edits shown).
   */
  async applyWrite(write: ImageWrite): Promise<void> {
    const { saved, library } = this.parts;
    if (write.kind === 'deleted' && (await saved.forget(write.imageIds))) this.fire(undefined);
    if (write.kind === 'uploaded' && (await saved.noteLookedUp(write.imageIds))) this.fireRootAnd(this.sections.recent);
    for (const id of write.imageIds) {
      this.states.delete(id);
      this.listed.delete(id);
    }
    this.fire(this.rowsOf(write.imageIds));
    this.resolve(write.imageIds.filter((id) => this.isShownOutsideLibrary(id)));
    if (library.opened) {
      library.reset();
      this.fire(this.sections.library);
    }
  }

  /** Redraws every row of an ID (its pin state changed), without looking it up again. */
  refreshRows(imageId: string): void {
    this.fire(this.rowsOf([imageId]));
  }

  /** The This Workspace row of an ID (for reveal), if the ID occurs in the workspace. */
  workspaceNode(imageId: string): ImageNode | undefined {
    if (!this.parts.scan.index.has(imageId)) return undefined;
    return this.internImage(this.sections.workspace, imageId, 'workspace');
  }

  fire(change: Change): void {
    if (Array.isArray(change) && change.length === 0) return;
    this.changeEmitter.fire(change);
  }

  /** Refreshes a group, and the root when the group's presence may have changed. */
  fireRootAnd(node: SectionNode): void {
    const signedIn = this.parts.services.session().signedIn;
    const sections = (signedIn ? this.visibleSections() : []).join(',');
    this.fire(sections === this.lastRootSections ? node : undefined);
  }

  /** Resolves when scans, selection updates and lookups started so far are done. */
  async settled(): Promise<void> {
    await this.parts.selection.settled();
    await this.parts.scan.settled();
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  // ---- children -------------------------------------------------------------------------------

  private visibleSections(): SectionId[] {
    const { saved, selection, scan, library } = this.parts;
    const hasFolder = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
    const noWorkspaceIds = !hasFolder || (scan.state.kind === 'done' && scan.index.idCount === 0);
    const show: Record<SectionId, boolean> = {
      selection: selection.current().length > 0,
      workspace: hasFolder && !noWorkspaceIds,
      recent: saved.recent.size > 0,
      pinned: saved.pinned.size > 0,
      library: true,
    };
    // Nothing of the user's own to show: leave the view empty so its welcome text explains why.
    if (!show.selection && !show.workspace && !show.recent && !show.pinned && !library.opened && noWorkspaceIds) return [];
    return SECTION_ORDER.filter((s) => show[s]);
  }

  private rootChildren(): ExplorerNode[] {
    this.parts.scan.ensureStarted();
    const signedIn = this.parts.services.session().signedIn;
    const sections = signedIn ? this.visibleSections() : [];
    this.lastRootSections = sections.join(',');
    const empty = signedIn && sections.length === 0;
    if (empty !== this.lastRootEmpty) {
      this.lastRootEmpty = empty;
      void vscode.commands.executeCommand('setContext', 'vodImages.explorer.noIds', empty);
    }
    return sections.map((s) => this.sections[s]);
  }

  private async sectionChildren(node: SectionNode): Promise<ExplorerNode[]> {
    switch (node.section) {
      case 'selection':
        return this.imageNodes(node, this.parts.selection.current(), 'selection');
      case 'workspace':
        return this.workspaceChildren(node);
      case 'recent':
        return this.imageNodes(node, this.parts.saved.recent.ids(), 'recent');
      case 'pinned':
        return this.imageNodes(node, this.parts.saved.pinned.ids(), 'pinned');
      case 'library':
        return this.libraryChildren(node);
    }
  }

  private readonly changedSinceResolve = new Set<string>();
  private resolveTimer: ReturnType<typeof setTimeout> | undefined;

  /** This Workspace's order, kept through index changes: the tree and the lookups both ask for it after each change. */
  private readonly workspaceOrder: WorkspaceOrder;

  private workspaceIds(): readonly string[] {
    return this.workspaceOrder.ids();
  }

  private workspaceChildren(node: SectionNode): ExplorerNode[] {
    const state = this.parts.scan.state;
    const messages: MessageNode[] = [];
    const scanCommand = { id: 'vodImages.scanWorkspace', title: vscode.l10n.t('Scan Workspace') };
    if (state.kind === 'untrusted') {
      messages.push(
        message(node, 'untrusted', vscode.l10n.t('Not scanned: this workspace is not trusted. Click to scan it anyway.'), 'shield', scanCommand),
      );
    } else if (state.kind === 'scanning') {
      messages.push(message(node, 'scanning', vscode.l10n.t('Scanning the workspace… ({0} files)', state.done), 'loading~spin'));
    } else if (state.kind === 'cancelled') {
      messages.push(message(node, 'cancelled', vscode.l10n.t('The scan was cancelled. Click to scan again.'), 'debug-restart', scanCommand));
    } else if (state.kind === 'failed') {
      messages.push(message(node, 'failed', vscode.l10n.t('The scan failed: {0}', state.message), 'error', scanCommand));
    } else if (state.kind === 'done' && this.parts.scan.index.idCount === 0) {
      messages.push(message(node, 'none', vscode.l10n.t('No image IDs found in this workspace.'), 'info', scanCommand));
    }
    const ids = this.workspaceIds();
    messages.push(...this.boundsNotices(node, ids.length));
    return [...messages, ...this.imageNodes(node, ids.slice(0, MAX_WORKSPACE_ROWS), 'workspace')];
  }

  /**
   * Where This Workspace stopped: the rows it lists (and looks up) are the first
   * {@link MAX_WORKSPACE_ROWS}, and the index itself keeps a bounded number of IDs. Resolving every
   * ID of a repository full of hashes would be thousands of calls nobody reads.
   */
  private boundsNotices(node: SectionNode, idCount: number): MessageNode[] {
    const notices: MessageNode[] = [];
    const narrow = { id: 'workbench.action.openSettings', title: vscode.l10n.t('Open Settings'), args: ['vodImages.scan'] };
    if (this.parts.scan.index.limitReached) {
      const text = vscode.l10n.t('Indexing stopped at {0} image IDs. Narrow vodImages.scan.include or vodImages.scan.exclude, then scan again.', idCount);
      notices.push(message(node, 'indexFull', text, 'warning', narrow));
    }
    if (idCount > MAX_WORKSPACE_ROWS) {
      const text = vscode.l10n.t('Showing the first {0} of {1} image IDs; only these are looked up.', MAX_WORKSPACE_ROWS, idCount);
      notices.push(message(node, 'truncated', text, 'info', narrow));
    }
    return notices;
  }

  private async libraryChildren(node: SectionNode): Promise<ExplorerNode[]> {
    const { library } = this.parts;
    await library.ensureLoaded();
    const pager = library.pager;
    const out: ExplorerNode[] = [];
    if (library.error !== undefined) {
      const error = library.error;
      const text = isVodError(error) ? localizeErrorLine(error) : vscode.l10n.t('The listing failed. See the log for details.');
      out.push(message(node, 'error', text, 'error', { id: 'vodImages.refreshExplorer', title: vscode.l10n.t('Retry'), args: [node] }));
    }
    if (!pager) return out;
    if (pager.windowLimited && pager.total !== undefined) {
      const notice = searchWindowNotice(pager.total, vscode.l10n.t('Showing the first {1} of {0} matching images: VOD lists no further. Narrow the filter (for example a creation-time range) to see the rest.'), vscode.env.language);
      out.push(message(node, 'window', notice, 'warning', { id: 'vodImages.filterLibrary', title: vscode.l10n.t('Filter Library…') }, notice));
    }
    if (pager.total === 0) out.push(message(node, 'empty', vscode.l10n.t('No images match the filter.'), 'info'));
    // The newest page wins: a refreshed listing replaces what an earlier one said.
    const fetchedAt = Date.now();
    for (const asset of pager.assets) this.listed.set(asset.id, asset.kind === 'image' ? { state: 'found', info: asset.info, fetchedAt } : { state: asset.kind, info: asset.info, fetchedAt });
    // Grouping walks image categories; a video or audio listing stays flat.
    if (library.filter.groupByCategory && (library.filter.mediaType ?? 'image') === 'image') {
      for (const group of groupByCategory(pager.images, vscode.env.language)) {
        const category: CategoryNode = {
          kind: 'category',
          key: `library/category/${group.id ?? 'none'}`,
          parent: node,
          categoryId: group.id,
          name: group.name,
          imageIds: group.images.map((i) => i.ImageId),
        };
        out.push(category);
      }
    } else {
      out.push(...this.imageNodes(node, pager.assets.map((a) => a.id), 'library'));
    }
    if (pager.hasMore) out.push({ kind: 'loadMore', key: 'library/loadMore', parent: node });
    return out;
  }

  private imageNodes(parent: SectionNode | CategoryNode, ids: readonly string[], section: SectionId): ImageNode[] {
    const rows = new Map<string, ImageNode>();
    const previous = this.shown.get(parent.key);
    for (const id of ids) rows.set(id, previous?.get(id) ?? this.makeImage(parent, id, section));
    this.shown.set(parent.key, rows);
    // Library rows arrive resolved; everything else is looked up in batches now.
    if (section !== 'library') this.resolve(ids);
    return [...rows.values()];
  }

  private internImage(parent: SectionNode | CategoryNode, id: string, section: SectionId): ImageNode {
    let rows = this.shown.get(parent.key);
    if (!rows) {
      rows = new Map();
      this.shown.set(parent.key, rows);
    }
    let row = rows.get(id);
    if (!row) {
      row = this.makeImage(parent, id, section);
      rows.set(id, row);
    }
    return row;
  }

  private makeImage(parent: SectionNode | CategoryNode, imageId: string, section: SectionId): ImageNode {
    return { kind: 'image', key: `${parent.key}/${imageId}`, section, imageId, parent };
  }

  private occurrenceNodes(node: ImageNode): OccurrenceNode[] {
    return this.parts.scan.index.occurrencesOf(node.imageId).map((occurrence) => ({
      kind: 'occurrence',
      key: `${node.key}/${occurrence.file}:${occurrence.line}:${occurrence.character}`,
      imageId: node.imageId,
      occurrence,
      parent: node,
    }));
  }

  // ---- items ----------------------------------------------------------------------------------

  private sectionItem(node: SectionNode): vscode.TreeItem {
    const expanded = node.section === 'selection' || node.section === 'workspace';
    const item = new vscode.TreeItem(sectionLabel(node.section), expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.key;
    item.contextValue = `vodGroup vodSection-${node.section}`;
    item.description = this.sectionDescription(node.section);
    return item;
  }

  private sectionDescription(section: SectionId): string | undefined {
    const { scan, library, selection, saved } = this.parts;
    switch (section) {
      case 'selection':
        return String(selection.current().length);
      case 'workspace':
        if (scan.state.kind === 'scanning') return vscode.l10n.t('scanning…');
        return scan.index.limitReached ? `${scan.index.idCount}+` : String(scan.index.idCount);
      case 'recent':
        return String(saved.recent.size);
      case 'pinned':
        return String(saved.pinned.size);
      case 'library': {
        const pager = library.pager;
        const parts: string[] = [];
        const text = library.filter.match.text?.trim();
        if (isFiltering(library.filter)) parts.push(text ? `"${text}"` : vscode.l10n.t('filtered'));
        if (pager?.total !== undefined) parts.push(vscode.l10n.t('{0} of {1}', pager.images.length, pager.total));
        return parts.join(' · ') || undefined;
      }
    }
  }

  private categoryItem(node: CategoryNode): vscode.TreeItem {
    const item = new vscode.TreeItem(categoryLabel(node.name, vscode.l10n.t('Uncategorized')), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.key;
    item.description = String(node.imageIds.length);
    item.iconPath = new vscode.ThemeIcon('folder');
    item.contextValue = 'vodGroup vodCategory';
    return item;
  }

  /**
   * What a row shows: a Library row its SearchMedia facts unless a full lookup has found more,
   * every other row the full lookup.
   */
  private rowState(node: ImageNode): LookupState | undefined {
    return node.section === 'library' ? this.bestKnown(node.imageId) : this.stateOf(node.imageId);
  }

  private imageItem(node: ImageNode): vscode.TreeItem {
    const lookup = this.rowState(node);
    const refs = node.section === 'workspace' ? this.parts.scan.index.refCount(node.imageId) : undefined;
    const item = new vscode.TreeItem(
      imageLabel(node.imageId, lookup),
      node.section === 'workspace' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.key;
    item.description = imageDescription(lookup, refs, itemTextLabels());
    const style = styleForLookup(lookup ?? { state: 'pending' });
    item.iconPath = new vscode.ThemeIcon(style.icon, style.color ? new vscode.ThemeColor(style.color) : undefined);
    const flags = ['vodImage', this.parts.saved.pinned.has(node.imageId) ? 'pinned' : 'unpinned', `state-${style.condition}`];
    if (this.parts.scan.index.has(node.imageId)) flags.push('inWorkspace');
    // Audio/video rows also offer "Copy Play URL".
    if (lookup?.state === 'video' || lookup?.state === 'audio') flags.push('vodMedia');
    item.contextValue = flags.join(' ');
    item.command = { command: 'vodImages.openDetails', title: vscode.l10n.t('Open details'), arguments: [node.imageId] };
    item.accessibilityInformation = { label: accessibleImageLabel(item.label as string, item.description, style.condition, imageStatusWords()) };
    return item;
  }

  private occurrenceItem(node: OccurrenceNode): vscode.TreeItem {
    const uri = vscode.Uri.parse(node.occurrence.file, true);
    const { line, character, length } = node.occurrence;
    const item = new vscode.TreeItem(occurrenceLabel(vscode.workspace.asRelativePath(uri, true), line));
    item.id = node.key;
    item.resourceUri = uri;
    item.iconPath = vscode.ThemeIcon.File;
    item.contextValue = 'vodOccurrence';
    const selection = new vscode.Range(line, character, line, character + length);
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Reveal'), arguments: [uri, { selection } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }

  // ---- resolving ------------------------------------------------------------------------------

  /** Library rows need no lookup of their own (their page said what they show). */
  private isShownOutsideLibrary(id: string): boolean {
    for (const rows of this.shown.values()) {
      const row = rows.get(id);
      if (row && row.section !== 'library') return true;
    }
    return false;
  }

  private rowsOf(ids: readonly string[]): ImageNode[] {
    const wanted = new Set(ids);
    const rows: ImageNode[] = [];
    for (const group of this.shown.values()) for (const [id, row] of group) if (wanted.has(id)) rows.push(row);
    return rows;
  }

  /**
   * Looks up the changed IDs that This Workspace lists (its first {@link MAX_WORKSPACE_ROWS} rows),
   * so the rows are ready when the view shows them; an ID past them is looked up only if the user
   * asks for it elsewhere.
   */
  private resolveListed(changed: readonly string[]): void {
    // A scan changes the index several times a second, and finding This Workspace's first rows means
    // ordering every ID (tens of ms on a large workspace): the changes are gathered and looked at together.
    for (const id of changed) this.changedSinceResolve.add(id);
    if (this.resolveTimer) return;
    let done: () => void = () => undefined;
    const waited = new Promise<void>((resolve) => (done = resolve));
    this.inFlight.add(waited);
    this.resolveTimer = setTimeout(() => {
      this.resolveTimer = undefined;
      const ids = [...this.changedSinceResolve];
      this.changedSinceResolve.clear();
      try {
        this.resolveListedNow(ids);
      } finally {
        this.inFlight.delete(waited);
        done();
      }
    }, RESOLVE_GATHER_MS);
  }

  private resolveListedNow(changed: readonly string[]): void {
    const index = this.parts.scan.index;
    const unknown = changed.filter((id) => index.has(id) && this.stateOf(id) === undefined);
    if (unknown.length === 0) return;
    if (index.idCount <= MAX_WORKSPACE_ROWS) {
      this.resolve(unknown);
      return;
    }
    const listed = new Set(this.idsOf(this.sections.workspace));
    this.resolve(unknown.filter((id) => listed.has(id)));
  }

  /** Starts lookups for the IDs with no state yet, batched, and refreshes their rows as answers come in. */
  private resolve(ids: readonly string[]): void {
    const todo = [...new Set(ids)].filter((id) => this.stateOf(id) === undefined);
    if (todo.length === 0) return;
    for (const id of todo) this.states.set(id, { state: 'pending' });
    const generation = this.generation;
    const run = (async () => {
      try {
        const service = await this.parts.services.images();
        if (generation !== this.generation) return;
        this.service = service;
        await resolveProgressively(service, todo, {
          onResolved: (outcomes) => {
            if (generation !== this.generation) return;
            for (const [id, outcome] of outcomes) this.states.set(id, outcome.state === 'failed' ? { state: 'failed', error: outcome.error } : outcome);
            this.fire(this.rowsOf([...outcomes.keys()]));
          },
        });
      } catch (error) {
        if (generation !== this.generation) return;
        for (const id of todo) if (this.states.get(id)?.state === 'pending') this.states.set(id, { state: 'failed', error });
        this.fire(this.rowsOf(todo));
      }
    })();
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }
}

function message(
  parent: SectionNode,
  name: string,
  text: string,
  icon: string,
  command?: MessageNode['command'],
  tooltip?: string,
): MessageNode {
  return { kind: 'message', key: `${parent.key}/message/${name}`, parent, text, icon, command, tooltip };
}

function messageItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text);
  item.id = node.key;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.tooltip = node.tooltip ?? node.text;
  item.contextValue = 'vodMessage';
  if (node.command) item.command = { command: node.command.id, title: node.command.title, arguments: node.command.args ? [...node.command.args] : undefined };
  return item;
}
