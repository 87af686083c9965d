/**
 * The interactive Library filter: a menu of the filter's parts (text, category, status, creation
 * time, sort, grouping), each editable in turn, until the user applies it. Returns undefined when
 * the user cancels.
 */
import * as vscode from 'vscode';
import { localizeError } from '../localize';
import { pickText } from '../pickText';
import { categoryRows } from './categoryRows';
import { isVodError } from '../../vod/errors';
import { loadCategoryTree } from '../../vod/explorer/categories';
import type { Services } from '../services';
import type { LibraryMediaType } from '../../vod/media/asset';
import { EMPTY_FILTER, filterFromArg, parseDateRange, type LibraryFilter } from './libraryFilter';

type Step = 'type' | 'text' | 'category' | 'status' | 'created' | 'sort' | 'group' | 'clear' | 'apply';

interface StepItem extends vscode.QuickPickItem {
  readonly step: Step;
}

const STATUSES = ['Normal', 'Uploading', 'UploadSucc', 'UploadFail', 'Blocked', 'Checking'] as const;
/** GetVideoInfos' Status values, for video and audio listings. */
const MEDIA_STATUSES = ['Normal', 'Uploading', 'UploadSucc', 'UploadFail', 'Transcoding', 'TranscodeFail', 'ProduceFail', 'Checking', 'Blocked'] as const;

function typeLabel(type: LibraryMediaType): string {
  return type === 'video' ? vscode.l10n.t('videos') : type === 'audio' ? vscode.l10n.t('audio') : vscode.l10n.t('images');
}

export async function promptFilter(services: Services, initial: LibraryFilter): Promise<LibraryFilter | undefined> {
  let filter = initial;
  for (;;) {
    const choice = await vscode.window.showQuickPick(menu(filter), { title: vscode.l10n.t('Filter Library'), placeHolder: vscode.l10n.t('Choose what to change, then Apply') });
    if (!choice) return undefined;
    if (choice.step === 'apply') return filter;
    const next = await edit(services, choice.step, filter);
    if (next === undefined) continue;
    if (isVodError(next)) {
      void vscode.window.showErrorMessage(localizeError(next));
      continue;
    }
    filter = next;
  }
}

function menu(filter: LibraryFilter): StepItem[] {
  const m = filter.match;
  const any = vscode.l10n.t('any');
  const range = m.createdFrom === undefined && m.createdTo === undefined ? any : `${String(m.createdFrom ?? '')}..${String(m.createdTo ?? '')}`;
  return [
    { step: 'apply', label: `$(check) ${vscode.l10n.t('Apply')}` },
    { step: 'type', label: `$(file-media) ${vscode.l10n.t('Type')}`, description: typeLabel(filter.mediaType ?? 'image') },
    { step: 'text', label: `$(search) ${vscode.l10n.t('Text')}`, description: m.text?.trim() || any },
    { step: 'category', label: `$(list-tree) ${vscode.l10n.t('Category')}`, description: filter.categoryName !== undefined ? pickText(filter.categoryName) : (m.categoryId === undefined ? any : String(m.categoryId)) },
    { step: 'status', label: `$(pulse) ${vscode.l10n.t('Status')}`, description: m.statuses?.join(', ') || any },
    { step: 'created', label: `$(calendar) ${vscode.l10n.t('Created')}`, description: range },
    {
      step: 'sort',
      label: `$(arrow-swap) ${vscode.l10n.t('Sort')}`,
      description: filter.sortBy === 'CreationTime:Asc' ? vscode.l10n.t('oldest first') : vscode.l10n.t('newest first'),
    },
    { step: 'group', label: `$(group-by-ref-type) ${vscode.l10n.t('Group by category')}`, description: filter.groupByCategory ? vscode.l10n.t('on') : vscode.l10n.t('off') },
    { step: 'clear', label: `$(clear-all) ${vscode.l10n.t('Clear filter')}` },
  ];
}

async function edit(services: Services, step: Exclude<Step, 'apply'>, filter: LibraryFilter): Promise<ReturnType<typeof filterFromArg> | undefined> {
  switch (step) {
    case 'text': {
      const text = await vscode.window.showInputBox({
        title: vscode.l10n.t('Search title, tags and description'),
        value: filter.match.text ?? '',
        prompt: vscode.l10n.t("Matches any part of the title, tags or description, in any case. A straight quote (') cannot be searched: the text is split there and every part must match. Leave empty for all."),
      });
      return text === undefined ? undefined : filterFromArg({ text }, filter);
    }
    case 'type': {
      const types: LibraryMediaType[] = ['image', 'video', 'audio'];
      const picked = await vscode.window.showQuickPick(
        types.map((type) => ({ label: typeLabel(type), type })),
        { title: vscode.l10n.t('List which media?') },
      );
      // Status values differ between images and audio/video: a new type starts without a status filter.
      return picked === undefined ? undefined : filterFromArg({ mediaType: picked.type, statuses: [] }, filter);
    }
    case 'category':
      return pickCategory(services, filter);
    case 'status': {
      const picked = await vscode.window.showQuickPick(
        ((filter.mediaType ?? 'image') === 'image' ? STATUSES : MEDIA_STATUSES).map((status) => ({ label: status, picked: filter.match.statuses?.includes(status) ?? false })),
        { canPickMany: true, title: vscode.l10n.t('Image status (none = any)') },
      );
      return picked === undefined ? undefined : filterFromArg({ statuses: picked.map((p) => p.label) }, filter);
    }
    case 'created': {
      const typed = await vscode.window.showInputBox({
        title: vscode.l10n.t('Creation time'),
        prompt: vscode.l10n.t('from..to, each a date (yyyy-MM-dd, UTC) or a date-time with a zone; either end may be empty. Empty: any time.'),
        placeHolder: '2024-01-01..2024-06-30',
        value: filter.match.createdFrom === undefined && filter.match.createdTo === undefined ? '' : `${String(filter.match.createdFrom ?? '')}..${String(filter.match.createdTo ?? '')}`,
        validateInput: (value) => (value.trim() === '' || parseDateRange(value) ? undefined : vscode.l10n.t('Write the range as from..to')),
      });
      if (typed === undefined) return undefined;
      const range = parseDateRange(typed) ?? { from: undefined, to: undefined };
      return filterFromArg({ createdFrom: range.from ?? '', createdTo: range.to ?? '' }, filter);
    }
    case 'sort':
      return filterFromArg({ sort: filter.sortBy === 'CreationTime:Asc' ? 'newest' : 'oldest' }, filter);
    case 'group':
      return filterFromArg({ groupByCategory: !filter.groupByCategory }, filter);
    case 'clear':
      return { ...EMPTY_FILTER, groupByCategory: filter.groupByCategory };
  }
}

async function pickCategory(services: Services, filter: LibraryFilter): Promise<ReturnType<typeof filterFromArg> | undefined> {
  const entries = Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading categories…') }, async () => {
    const api = await services.api();
    return loadCategoryTree((query) => api.getCategories(query));
  }));
  type CategoryItem = vscode.QuickPickItem & { readonly id: number | null; readonly name?: string };
  const items: Promise<CategoryItem[]> = entries.then((list): CategoryItem[] => [
    { label: vscode.l10n.t('Any category'), id: null },
    ...categoryRows(list),
  ]);
  try {
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Category'), matchOnDescription: true });
    if (!picked) return undefined;
    return filterFromArg({ categoryId: picked.id, categoryName: picked.name }, filter);
  } catch (error) {
    return isVodError(error) ? error : undefined;
  }
}
