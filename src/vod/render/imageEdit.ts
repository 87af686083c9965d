/**
 * The edit form's rules, shared by the details panel's page (checked before it posts) and the
 * extension host (checked again on receipt: the page renders API text and is not trusted): the raw
 * form strings become typed values, the documented limits apply (upload/imageMetadataLimits.ts), and
 * only the fields that differ from the image as shown are sent.
 */
import { fillTemplate, msg, type Message, type MessageKey } from '../messages';
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

/**
 * Every catalog key a problem of the form can carry. The page has no catalog (it would weigh on the
 * script): the host hands it these templates in the user's language (PanelLabels.formProblems).
 */
export const FORM_PROBLEM_KEYS = [
  'edit.badCategory',
  'meta.titleEmpty',
  'meta.titleTooLong',
  'meta.titleChars',
  'meta.descriptionTooLong',
  'meta.descriptionEmoji',
  'meta.tooManyTags',
  'meta.tagEmpty',
  'meta.tagComma',
  'meta.tagTooLong',
  'meta.tagChars',
  'meta.badCategory',
] as const satisfies readonly MessageKey[];

/** A form problem as the page shows it: its template from `templates` (by key), filled. */
export function formProblemText(problem: Message, templates: Readonly<Record<string, string>>): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(problem.params)) values[name] = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  return fillTemplate(templates[problem.key] ?? problem.key, values);
}

/** Tells a problem from typed values. */
export function isProblem(value: EditValues | Message): value is Message {
  return typeof (value as Message).key === 'string' && typeof (value as Message).params === 'object';
}

/** The typed values, or the first problem (a catalog message). */
export function parseEditFields(fields: EditFields): EditValues | Message {
  const cateText = fields.cateId.trim();
  if (cateText !== '' && !/^\d{1,15}$/.test(cateText)) return msg('edit.badCategory');
  const values: EditValues = {
    title: fields.title.trim(),
    description: fields.description,
    tags: fields.tags.split(',').map((t) => t.trim()).filter((t) => t !== ''),
    cateId: cateText === '' ? undefined : Number(cateText),
  };
  return editProblem(values) ?? values;
}

/** The documented limits. No tags at all is not checked here: it means "keep" unless the image has tags (see changedValues). */
export function editProblem(values: EditValues): Message | undefined {
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
