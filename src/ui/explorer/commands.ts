/**
 * The explorer's commands. Each accepts what a menu passes (a tree node) and what automation passes
 * (an ID string, `{ imageId }`, `{ section }`, a filter object), and returns a small summary so
 * tests and scripts can check the result without reading the UI.
 */
import * as vscode from 'vscode';
import { VodError, isVodError } from '../../vod/errors';
import { msg } from '../../vod/messages';
import { toJson, toMarkdownTable } from '../../vod/explorer/groupExport';
import type { ImageInfo } from '../../vod/schemas';
import { pickImageId } from '../lookup/pickImageIds';
import { selectedImageIds } from '../lookup/treeSelection';
import { reportError } from '../lookup/reportError';
import type { Services } from '../services';
import type { ExplorerTree } from './explorerTree';
import { exportLabels } from './labels';
import type { Library } from './library';
import { filterFromArg } from './libraryFilter';
import { filterPromptResult } from './filterResult';
import { promptFilter } from './filterPrompt';
import { isGroupNode, SECTION_ORDER, type ExplorerNode, type GroupNode, type SectionId } from './nodes';
import type { SavedIds } from './savedIds';
import type { ScanController } from './scanController';

export interface CommandDeps {
  readonly services: Services;
  readonly tree: ExplorerTree;
  readonly view: vscode.TreeView<ExplorerNode>;
  readonly scan: ScanController;
  readonly saved: SavedIds;
  readonly library: Library;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const command = (id: string, run: (...args: unknown[]) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, run);
  return [
    command('vodImages.refreshExplorer', (arg, selected) => refresh(deps, arg, selected)),
    command('vodImages.filterLibrary', (arg) => filterLibrary(deps, arg)),
    command('vodImages.loadMoreLibrary', () => loadMore(deps)),
    command('vodImages.scanWorkspace', () => scanWorkspace(deps)),
    command('vodImages.cancelScan', () => deps.scan.cancel()),
    command('vodImages.pin', (arg, selected) => setPinned(deps, arg, selected, true)),
    command('vodImages.unpin', (arg, selected) => setPinned(deps, arg, selected, false)),
    command('vodImages.revealOccurrences', (arg) => revealOccurrences(deps, arg)),
    command('vodImages.copyAsMarkdown', (arg, selected) => copyGroup(deps, arg, selected, 'markdown')),
    command('vodImages.copyAsJson', (arg, selected) => copyGroup(deps, arg, selected, 'json')),
  ];
}

/** No argument: everything. A group: that group. An image row or ID: that image; several selected rows: those. */
async function refresh({ tree, library, scan }: CommandDeps, arg: unknown, selected?: unknown): Promise<void> {
  const many = selectedImageIds(arg, selected);
  if (many) {
    tree.refreshIds(many);
    return;
  }
  if (isGroupNode(arg) && arg.kind === 'section') {
    if (arg.section === 'library') {
      // A new listing replaces the rows' facts; nothing to look up one by one.
      library.reset();
      tree.fire(arg);
      return;
    }
    if (arg.section === 'workspace') void scan.scan();
    tree.refreshIds(tree.idsOf(arg));
    tree.fire(arg);
    return;
  }
  if (isGroupNode(arg) && arg.kind === 'category') {
    tree.refreshIds(arg.imageIds);
    return;
  }
  const id = imageIdOf(arg);
  if (id !== undefined) {
    tree.refreshIds([id]);
    return;
  }
  library.reset();
  tree.refreshIds();
  tree.fire(undefined);
}

export interface FilterResult {
  readonly match: string;
  readonly total: number | undefined;
  readonly listed: number;
}

async function filterLibrary({ services, tree, library, view }: CommandDeps, arg: unknown): Promise<FilterResult | undefined> {
  let next = arg === undefined ? await promptFilter(services, library.filter) : filterFromArg(arg, library.filter);
  if (next === undefined) return undefined;
  if (isVodError(next)) {
    reportError(services, next, vscode.l10n.t('Filter Library'));
    return undefined;
  }
  library.opened = true;
  library.setFilter(next);
  await library.ensureLoaded();
  tree.fire(undefined);
  // Show the result: the listing is what the user asked for.
  await view.reveal(tree.sections.library, { expand: true, focus: false, select: false }).then(undefined, () => undefined);
  next = library.filter;
  return filterPromptResult(next, library);
}

async function loadMore({ tree, library }: CommandDeps): Promise<{ added: number; total: number; hasMore: boolean } | undefined> {
  const page = await library.loadMore();
  tree.fire(tree.sections.library);
  return page && { added: page.addedAssets.length, total: page.total, hasMore: page.hasMore };
}

async function scanWorkspace({ scan, tree }: CommandDeps): Promise<{ files: number; ids: number; occurrences: number } | undefined> {
  const summary = await scan.scan();
  if (!summary) return undefined;
  await tree.settled();
  return { files: summary.scanned, ids: scan.index.idCount, occurrences: summary.occurrences };
}

async function setPinned(
  deps: CommandDeps,
  arg: unknown,
  selected: unknown,
  pin: boolean,
): Promise<{ imageId: string; pinned: boolean } | { imageIds: string[]; pinned: boolean; failed: string[] } | undefined> {
  const { services, tree, saved } = deps;
  try {
    const many = selectedImageIds(arg, selected);
    const imageIds = many ?? [await pickImageId(services, arg)].filter((id): id is string => id !== undefined);
    if (imageIds.length === 0) return undefined;
    const failed: string[] = [];
    for (const imageId of imageIds) {
      if (!pin) {
        await saved.unpin(imageId);
        continue;
      }
      const result = await saved.pin(imageId);
      if (result === 'full' || result === 'invalid') failed.push(imageId);
      if (result === 'invalid' && !many) throw new VodError('invalidInput', msg('command.invalidImageId', { id: imageId }));
    }
    if (failed.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('Pinned is full. Unpin some images first.'));
    tree.fireRootAnd(tree.sections.pinned);
    // The pin/unpin action of these images' other rows changes too.
    for (const imageId of imageIds) tree.refreshRows(imageId);
    if (!many) return { imageId: imageIds[0]!, pinned: saved.pinned.has(imageIds[0]!) };
    return { imageIds, pinned: pin, failed };
  } catch (error) {
    reportError(services, error, pin ? vscode.l10n.t('Pin') : vscode.l10n.t('Unpin'));
    return undefined;
  }
}

async function revealOccurrences({ services, tree, scan, view }: CommandDeps, arg: unknown): Promise<{ imageId: string; occurrences: { file: string; line: number }[] } | undefined> {
  try {
    const imageId = await pickImageId(services, arg);
    if (!imageId) return undefined;
    if (scan.state.kind === 'notStarted') void scan.scan();
    await scan.settled();
    const node = tree.workspaceNode(imageId);
    if (!node) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Image {0} does not occur in this workspace.', imageId));
      return { imageId, occurrences: [] };
    }
    await view.reveal(node, { expand: true, focus: true, select: true });
    const occurrences = scan.index.occurrencesOf(imageId).map((o) => ({ file: vscode.workspace.asRelativePath(vscode.Uri.parse(o.file, true), false), line: o.line }));
    return { imageId, occurrences };
  } catch (error) {
    reportError(services, error, vscode.l10n.t('Reveal Occurrences'));
    return undefined;
  }
}

function groupOf(tree: ExplorerTree, arg: unknown): GroupNode | undefined {
  if (isGroupNode(arg)) return arg;
  const section = (arg as { section?: unknown } | null | undefined)?.section;
  return typeof section === 'string' && (SECTION_ORDER as readonly string[]).includes(section) ? tree.sections[section as SectionId] : undefined;
}

/** A group, or the selected image rows (one row alone counts as a selection of one). */
async function copyGroup({ services, tree }: CommandDeps, arg: unknown, selected: unknown, format: 'markdown' | 'json'): Promise<{ count: number } | undefined> {
  const action = format === 'markdown' ? vscode.l10n.t('Copy as Markdown Table') : vscode.l10n.t('Copy as JSON');
  // Image rows carry their section too: read them as rows before reading the argument as a group.
  const rows = selectedImageIds(arg, selected) ?? selectedImageIds(arg, [arg, arg]);
  const group = rows ? undefined : groupOf(tree, arg);
  if (!group && !rows) {
    reportError(services, new VodError('invalidInput', msg('command.needGroupOrRows')), action);
    return undefined;
  }
  const ids = rows ?? tree.idsOf(group!);
  // Library rows are looked up in full too: their SearchMedia facts lack W×H and size.
  await tree.resolveAll(ids);
  const infos = ids.map((id) => tree.bestKnown(id)).flatMap((s): ImageInfo[] => (s?.state === 'found' ? [s.info] : []));
  const text = format === 'markdown' ? toMarkdownTable(infos, exportLabels()) : toJson(infos);
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0} images.', infos.length), 3000);
  return { count: infos.length };
}

function imageIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const id = (arg as { imageId?: unknown } | null | undefined)?.imageId;
  return typeof id === 'string' ? id : undefined;
}
