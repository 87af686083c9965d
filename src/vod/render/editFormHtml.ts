/**
 * The details panel's inline edit form (title, description, tags, category), hidden until the
 * toolbar's Edit button opens it. Every value is escaped into an attribute or a textarea; the page
 * script reads the inputs and posts typed values (panelMessages.ts), never HTML.
 */
import type { ImageInfo } from '../schemas';
import { escapeAttr, escapeHtml } from './escape';
import { tagsForForm } from './imageEdit';
import type { PanelLabels } from './panelLabels';
import { MAX_DESCRIPTION_BYTES, MAX_TAGS, MAX_TITLE_BYTES } from '../upload/imageMetadataLimits';

function field(id: string, label: string, control: string, hint?: string): string {
  const hintHtml = hint === undefined ? '' : `<span id="${id}-hint" class="muted hint">${escapeHtml(hint)}</span>`;
  return `<div class="field"><label for="${id}">${escapeHtml(label)}</label>${control}${hintHtml}</div>`;
}

export function editFormHtml(info: ImageInfo, labels: PanelLabels): string {
  const hint = (template: string, n: number): string => template.replace('{0}', String(n));
  const title = `<input id="edit-title" name="title" type="text" required value="${escapeAttr(info.Title ?? '')}" aria-describedby="edit-title-hint">`;
  const description = `<textarea id="edit-description" name="description" rows="3" aria-describedby="edit-description-hint">${escapeHtml(info.Description ?? '')}</textarea>`;
  const tags = `<input id="edit-tags" name="tags" type="text" value="${escapeAttr(tagsForForm(info.Tags))}" aria-describedby="edit-tags-hint">`;
  const category = `<input id="edit-category" name="cateId" type="text" inputmode="numeric" value="${escapeAttr(info.CateId === undefined ? '' : String(info.CateId))}">`;
  return `<form id="edit-form" class="edit-form" hidden novalidate aria-label="${escapeAttr(labels.editImage)}" data-problems="${escapeAttr(JSON.stringify(labels.formProblems))}">
${field('edit-title', labels.title, title, hint(labels.bytesHint, MAX_TITLE_BYTES))}
${field('edit-description', labels.description, description, hint(labels.bytesHint, MAX_DESCRIPTION_BYTES))}
${field('edit-tags', labels.tags, tags, hint(labels.tagsHint, MAX_TAGS))}
${field('edit-category', labels.categoryId, category)}
<p id="edit-error" class="edit-error" role="alert"></p>
<div class="edit-buttons"><button type="submit" class="primary">${escapeHtml(labels.save)}</button><button type="button" class="secondary" data-edit="cancel">${escapeHtml(labels.cancel)}</button></div>
</form>`;
}
