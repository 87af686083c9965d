/**
 * Text for quick picks, from the API or a settings file. Pure (no `vscode` import) so it is unit-tested.
 */
import { sanitise } from '../vod/explorer/decorationText';

/** Long enough for any VOD title or category path, short enough for one quick pick row. */
const MAX_PICK_TEXT = 200;

/**
 * A quick pick label or description: one line with hidden controls shown as `[U+202E]` markers (as
 * in the hover and the tree), and `$(` broken by a zero-width space so `$(icon)` stays text.
 */
export function pickText(text: string, max = MAX_PICK_TEXT): string {
  return sanitise(text, max).replace(/\$\(/g, '$\u200b(');
}
