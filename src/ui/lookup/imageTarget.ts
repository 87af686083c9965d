/**
 * Which image(s) a command should act on. Commands accept an image ID string, or "a tree item" (any
 * object with a string `imageId`), so menus, hover links and tests can call them directly; without an
 * argument the editor decides: IDs in the selection, else the ID under the cursor.
 *
 * Pure (no `vscode`): the editor is reduced to a snapshot of plain strings.
 */
import { VodError } from '../../vod/errors';
import { msg } from '../../vod/messages';
import { DEFAULT_ID_PATTERN, compileIdPattern, findImageIds, idAt, isPlausibleImageId, uniqueIds } from '../../vod/imageIds';

export type ArgTarget =
  /** No usable argument (none, or something a menu passed, such as a file URI): fall back to the editor. */
  | { readonly kind: 'none' }
  | { readonly kind: 'ids'; readonly ids: readonly string[] }
  /** The caller passed something that claims to be an ID but cannot be one. */
  | { readonly kind: 'invalid'; readonly error: VodError };

function invalid(value: string): ArgTarget {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return { kind: 'invalid', error: new VodError('invalidInput', msg('command.notAnImageId', { id: shown })) };
}

function fromString(value: string): ArgTarget {
  const id = value.trim();
  return isPlausibleImageId(id) ? { kind: 'ids', ids: [id] } : invalid(value);
}

function hasImageId(value: unknown): value is { imageId: unknown } {
  return typeof value === 'object' && value !== null && 'imageId' in value;
}

/** Reads a command argument: an ID, a tree item with `imageId`, or (for lookUp) an array of IDs. */
export function targetFromArg(arg: unknown): ArgTarget {
  if (typeof arg === 'string') return fromString(arg);
  if (hasImageId(arg)) return typeof arg.imageId === 'string' ? fromString(arg.imageId) : invalid(String(arg.imageId));
  if (Array.isArray(arg) && arg.length > 0 && arg.every((v) => typeof v === 'string')) {
    const ids: string[] = [];
    for (const value of arg as string[]) {
      const one = fromString(value);
      if (one.kind !== 'ids') return one;
      ids.push(...one.ids);
    }
    return { kind: 'ids', ids: [...new Set(ids)] };
  }
  return { kind: 'none' };
}

export interface EditorSnapshot {
  /** The text of every non-empty selection, in selection order. */
  readonly selectedTexts: readonly string[];
  /** The line holding the primary cursor, and the cursor's column in it. */
  readonly cursorLine: string;
  readonly cursorColumn: number;
}

const patternCheck = new Map<string, boolean>();

/**
 * The configured pattern if it compiles to something usable, else the default. Settings are validated
 * elsewhere too; this keeps a bad pattern from breaking hovers and commands. Remembered per string
 * because hovers ask on every mouse move.
 */
export function usablePattern(pattern: string | undefined): string {
  if (!pattern) return DEFAULT_ID_PATTERN;
  let ok = patternCheck.get(pattern);
  if (ok === undefined) {
    ok = !(compileIdPattern(pattern) instanceof VodError);
    if (patternCheck.size > 20) patternCheck.clear();
    patternCheck.set(pattern, ok);
  }
  return ok ? pattern : DEFAULT_ID_PATTERN;
}

/**
 * IDs found in the selections (first-seen order, no duplicates); else the ID under the cursor; else
 * none. A selection that matches no pattern but is itself a plausible ID is taken as typed, so IDs of
 * another shape can still be looked up by selecting them.
 */
export function idsFromEditor(snapshot: EditorSnapshot, pattern: string | undefined): string[] {
  const usable = usablePattern(pattern);
  if (snapshot.selectedTexts.length > 0) {
    const ids = uniqueIds(snapshot.selectedTexts.flatMap((text) => findImageIds(text, usable)));
    if (ids.length > 0) return ids;
    const typed = snapshot.selectedTexts.map((t) => t.trim()).filter(isPlausibleImageId);
    if (typed.length > 0) return [...new Set(typed)];
  }
  // idAt also accepts a cursor just after the last character, where typing or a double-click leaves it.
  const atCursor = idAt(snapshot.cursorLine, snapshot.cursorColumn, usable);
  return atCursor ? [atCursor.id] : [];
}
