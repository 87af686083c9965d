/**
 * The call shape a tree view with `canSelectMany` gives a context-menu command: `(clicked, selected[])`,
 * where `selected` holds every selected element (the clicked one among them). Commands act on all the
 * selected images; rows that are not images (a group, a message) are skipped.
 *
 * Pure (no `vscode`), so it is unit-tested in Node.
 */
import { isPlausibleImageId } from '../../vod/imageIds';

function imageIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, imageId } = value as { kind?: unknown; imageId?: unknown };
  // Occurrence rows carry an imageId too, but they stand for a place in a file, not for an image.
  if (kind !== undefined && kind !== 'image') return undefined;
  return typeof imageId === 'string' && isPlausibleImageId(imageId) ? imageId : undefined;
}

/**
 * The image IDs of a multi-selection, in selection order without duplicates; undefined when the call
 * is not a multi-selection (then the command reads its first argument as it always did). A clicked
 * row outside the selection (VS Code passes it when the menu opens on another row) stands alone.
 */
export function selectedImageIds(clicked: unknown, selected: unknown): string[] | undefined {
  if (!Array.isArray(selected) || selected.length < 2) return undefined;
  if (clicked !== undefined && !selected.includes(clicked)) return undefined;
  const ids = selected.map(imageIdOf).filter((id): id is string => id !== undefined);
  return ids.length > 0 ? [...new Set(ids)] : undefined;
}
