/**
 * Choosing a category for an upload or an edit: the account's category tree (GetCategories, walked
 * once per pick), with "keep" or "no category" first. Returns `{ cateId }` (undefined: keep / none), or
 * undefined when the user cancelled.
 */
import * as vscode from 'vscode';
import { loadCategoryTree } from '../../vod/explorer/categories';
import { categoryRows } from '../explorer/categoryRows';
import type { Services } from '../services';

type Item = vscode.QuickPickItem & { readonly id: number | undefined };

export interface CategoryPickOptions {
  /** The image's category: the first item keeps it. */
  readonly current?: number | undefined;
  /** Several images, each with its own category: the first item keeps each one's (not "No category"). */
  readonly several?: boolean | undefined;
  /** Offered first, so Enter repeats the last choice. */
  readonly preferred?: number | undefined;
}

export async function pickCategory(services: Services, title: string, options: CategoryPickOptions): Promise<{ cateId: number | undefined } | undefined> {
  const entries = (async () => {
    const api = await services.api();
    return loadCategoryTree((query) => api.getCategories(query));
  })();
  const items: Promise<Item[]> = entries.then(
    (list) => {
      const first: Item = options.several
        ? { label: vscode.l10n.t("Keep each image's category"), id: undefined }
        : options.current === undefined
          ? { label: vscode.l10n.t('No category'), id: undefined }
          : { label: vscode.l10n.t('Keep the category'), description: String(options.current), id: undefined };
      const rows: Item[] = categoryRows(list).map((row) => ({ label: row.label, description: row.description, id: row.id }));
      // The last choice first, so Enter repeats it.
      const preferred = rows.findIndex((row) => row.id === options.preferred);
      if (preferred > 0) rows.unshift(...rows.splice(preferred, 1));
      return preferred >= 0 ? [rows[0]!, first, ...rows.slice(1)] : [first, ...rows];
    },
    // No categories to offer (a key without vod:GetCategories, say): the image keeps or gets none.
    () => [{ label: vscode.l10n.t('No category (the categories could not be listed)'), id: undefined }],
  );
  const picked = await vscode.window.showQuickPick(items, { title, matchOnDescription: true, ignoreFocusOut: true });
  return picked && { cateId: picked.id };
}
