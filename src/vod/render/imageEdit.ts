/**
 * The edit form's rules, shared by the details panel's page (checked before it posts) and the
 * extension host (checked again on receipt: the page renders API text and is not trusted): the raw
 * form strings become typed values, the documented limits apply (upload/imageMetadataLimits.ts), and
 * only the fields that differ from the image as shown are sent.
 */
import { metadataProblem } from '../upload/imageMetadataLimits';
import { splitTags } from './format';

/** The form's inputs as typed. */
export interface EditFields {
  readonly title: string;
  readonly description: string;
  /** Comma-separated. */
  readonly tags: string;
  /** Digits, or empty to keep the category. */
  readonly cateId: string;
}

export interface EditValues {
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly cateId?: number | undefined;
}

/** What the image holds now (the ImageInfo fields the form edits). */
export interface EditableInfo {
  readonly Title?: string | undefined;
  readonly Description?: string | undefined;
  readonly Tags?: string | undefined;
  readonly CateId?: number | undefined;
}

/** The typed values, or a sentence naming the first problem. */
export function parseEditFields(fields: EditFields): EditValues | string {
  const cateText = fields.cateId.trim();
  if (cateText !== '' && !/^\d{1,15}$/.test(cateText)) return 'The category ID must be a number.';
  const values: EditValues = {
    title: fields.title.trim(),
    description: fields.description,
    tags: fields.tags.split(',').map((t) => t.trim()).filter((t) => t !== ''),
    cateId: cateText === '' ? undefined : Number(cateText),
  };
  return editProblem(values) ?? values;
}

/** The documented limits. No tags at all is not checked here: it means "keep" unless the image has tags (see changedValues). */
export function editProblem(values: EditValues): string | undefined {
  return metadataProblem({ ...values, tags: values.tags?.length ? values.tags : undefined });
}

/** Only the fields that differ from `current`; an empty object when nothing changed. */
export function changedValues(current: EditableInfo, values: EditValues): EditValues {
  const changed: { -readonly [K in keyof EditValues]: EditValues[K] } = {};
  if (values.title !== undefined && values.title !== (current.Title ?? '')) changed.title = values.title;
  if (values.description !== undefined && values.description !== (current.Description ?? '')) changed.description = values.description;
  if (values.tags !== undefined && values.tags.join(',') !== splitTags(current.Tags).join(',')) changed.tags = values.tags;
  if (values.cateId !== undefined && values.cateId !== current.CateId) changed.cateId = values.cateId;
  return changed;
}

/** "a, b, c": the tags as the form shows them. */
export function tagsForForm(tags: string | undefined): string {
  return splitTags(tags).join(', ');
}
