/**
 * `vodImages.editImage`: title, description, tags and category of an image, asked one after the
 * other with the current values filled in (the details panel has an inline form for the same,
 * detailsPanel.ts). On a multi-selection of the explorer only tags and category are asked, and set
 * on every selected image (one UpdateImageInfos call per 20). Every view refreshes from the new facts.
 *
 * Automation passes `(id, { title?, description?, tags?, cateId? })`: nothing is asked.
 */
import * as vscode from 'vscode';
import { VodError, isVodError } from '../../vod/errors';
import { msg } from '../../vod/messages';
import { changedValues, editProblem, tagsForForm, type EditValues } from '../../vod/render/imageEdit';
import { localizeErrorLine, localizeProblem } from '../localize';
import type { ImageInfo } from '../../vod/schemas';
import type { ImageInfoUpdate } from '../../vod/upload/writeApi';
import { PartialWriteError } from '../../vod/upload/writeErrors';
import { pickImageId } from '../lookup/pickImageIds';
import { reportError } from '../lookup/reportError';
import { selectedImageIds } from '../lookup/treeSelection';
import { confirmQuietly } from '../commands/quietConfirm';
import type { Services } from '../services';
import { pickCategory } from './categoryPick';

export interface EditOutcome {
  readonly imageIds: readonly string[];
  /** IDs VOD said do not exist (NonExistImageIds). */
  readonly notFound: readonly string[];
}

/** Sends the updates, tells every view, and looks the images up again so they show the new facts. */
export async function applyEdits(services: Services, updates: readonly ImageInfoUpdate[]): Promise<EditOutcome> {
  const api = await services.api();
  let result;
  try {
    result = await api.updateImageInfos(updates);
  } catch (error) {
    // The calls of 20 before the one that failed did change their images: the views must show that too.
    if (error instanceof PartialWriteError && error.done.length > 0) await showEdited(services, error.done);
    throw error;
  }
  const notFound = new Set(result.nonExistImageIds);
  const imageIds = updates.map((u) => u.imageId).filter((id) => !notFound.has(id));
  await showEdited(services, updates.map((u) => u.imageId));
  return { imageIds, notFound: [...notFound] };
}

/** Fresh answers in the shared cache first, so every view that redraws on the note reads them. */
async function showEdited(services: Services, imageIds: readonly string[]): Promise<void> {
  await (await services.images()).getMany(imageIds, { force: true }).catch(() => undefined);
  services.noteWritten?.({ kind: 'edited', imageIds });
}

function ask(title: string, prompt: string, value: string, check: (value: string) => string | undefined): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: check });
}

const splitInput = (text: string): string[] => text.split(',').map((t) => t.trim()).filter((t) => t !== '');

async function askTagsAndCategory(services: Services, title: string, current: { tags: string; cateId: number | undefined; several?: boolean }): Promise<EditValues | undefined> {
  const tags = await ask(title, vscode.l10n.t('Tags, comma-separated (at most 16, each at most 32 bytes). Empty: keep.'), current.tags, (v) => localizeProblem(editProblem({ tags: splitInput(v) })));
  if (tags === undefined) return undefined;
  const category = await pickCategory(services, vscode.l10n.t('Category'), { current: current.cateId, several: current.several });
  if (!category) return undefined;
  const tagList = splitInput(tags);
  return { tags: tagList.length > 0 ? tagList : undefined, cateId: category.cateId };
}

async function askAll(services: Services, info: ImageInfo): Promise<EditValues | undefined> {
  const heading = vscode.l10n.t('Edit {0}', info.Title?.trim() || info.ImageId);
  const title = await ask(heading, vscode.l10n.t('Title (at most 128 bytes, no emoji)'), info.Title ?? '', (v) => localizeProblem(editProblem({ title: v.trim() })));
  if (title === undefined) return undefined;
  const description = await ask(heading, vscode.l10n.t('Description (at most 1024 bytes, no emoji)'), info.Description ?? '', (v) => localizeProblem(editProblem({ description: v })));
  if (description === undefined) return undefined;
  const rest = await askTagsAndCategory(services, heading, { tags: tagsForForm(info.Tags), cateId: info.CateId });
  return rest && { title: title.trim(), description, ...rest };
}

/** What automation may pass instead of answering prompts. */
function valuesFromOptions(options: object): EditValues {
  const o = options as { title?: unknown; description?: unknown; tags?: unknown; cateId?: unknown };
  const tags = typeof o.tags === 'string' ? splitInput(o.tags) : Array.isArray(o.tags) && o.tags.every((t) => typeof t === 'string') ? (o.tags as string[]) : undefined;
  const values: EditValues = {
    title: typeof o.title === 'string' ? o.title : undefined,
    description: typeof o.description === 'string' ? o.description : undefined,
    tags,
    cateId: typeof o.cateId === 'number' ? o.cateId : undefined,
  };
  const problem = editProblem(values);
  if (problem) throw new VodError('invalidInput', problem);
  return values;
}

async function currentInfo(services: Services, imageId: string): Promise<ImageInfo> {
  const lookup = await (await services.images()).get(imageId);
  if (lookup.state === 'found') return lookup.info;
  if (lookup.state === 'missing') throw new VodError('notFound', msg('command.imageNotFound', { id: imageId }));
  throw new VodError('invalidInput', msg('command.isMediaEdit', { id: imageId }));
}

async function editOne(services: Services, arg: unknown, options: unknown): Promise<EditOutcome | undefined> {
  const imageId = await pickImageId(services, arg);
  if (!imageId) return undefined;
  const info = await currentInfo(services, imageId);
  const values = typeof options === 'object' && options !== null ? valuesFromOptions(options) : await askAll(services, info);
  if (!values) return undefined;
  const changed = changedValues(info, values);
  if (Object.keys(changed).length === 0) {
    confirmQuietly(vscode.l10n.t('Nothing changed.'));
    return { imageIds: [], notFound: [] };
  }
  const outcome = await applyEdits(services, [{ imageId, ...changed }]);
  if (outcome.notFound.length > 0) throw new VodError('notFound', msg('command.imageNotFound', { id: imageId }));
  confirmQuietly(vscode.l10n.t('Image {0} updated.', info.Title?.trim() || imageId));
  return outcome;
}

async function editMany(services: Services, ids: readonly string[], options: unknown): Promise<EditOutcome | undefined> {
  const values =
    typeof options === 'object' && options !== null
      ? valuesFromOptions(options)
      : await askTagsAndCategory(services, vscode.l10n.t('Edit {0} images', ids.length), { tags: '', cateId: undefined, several: true });
  if (!values) return undefined;
  if (values.tags === undefined && values.cateId === undefined) {
    confirmQuietly(vscode.l10n.t('Nothing changed.'));
    return undefined;
  }
  const outcome = await applyEdits(
    services,
    ids.map((imageId) => ({ imageId, tags: values.tags, cateId: values.cateId })),
  );
  if (outcome.notFound.length > 0) services.log.warn(`Edit images: not found: ${outcome.notFound.join(', ')}`);
  const text =
    outcome.notFound.length === 0
      ? vscode.l10n.t('{0} images updated.', outcome.imageIds.length)
      : vscode.l10n.t('{0} updated, {1} not found: see the log.', outcome.imageIds.length, outcome.notFound.length);
  void vscode.window.showInformationMessage(text);
  return outcome;
}

/** `(id | row, options?)` or, from a multi-selection, `(clicked, selected[], options?)`. */
export async function editImage(services: Services, arg?: unknown, second?: unknown, third?: unknown): Promise<EditOutcome | undefined> {
  try {
    const many = selectedImageIds(arg, second);
    if (many) return await editMany(services, many, third);
    return await editOne(services, arg, Array.isArray(second) ? third : second);
  } catch (error) {
    reportError(services, error, vscode.l10n.t('Edit Image'));
    return undefined;
  }
}

export function editErrorText(error: unknown): string {
  return isVodError(error) ? localizeErrorLine(error) : vscode.l10n.t('Unexpected error; see the log for details.');
}
