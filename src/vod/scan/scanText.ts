/**
 * Text → the image IDs in it with editor positions, for the workspace scan and for open documents.
 * One matching pass (the fast matcher for the default pattern, the configured regex otherwise) and
 * one forward walk for line numbers. The IDs own their characters (ownedString.ts): the index keeps
 * them long after `text` is gone.
 */
import { DEFAULT_ID_PATTERN, findImageIds, type IdMatch } from '../imageIds';
import { findDefaultPatternIds } from './defaultPatternIds';
import { LineCursor } from './lineCursor';
import { ownedCopy } from './ownedString';

/** One ID in a text. `line`/`character` are zero-based, characters in UTF-16 code units (as `vscode.Position`). */
export interface TextOccurrence {
  /** As written in the text (case kept). */
  readonly id: string;
  readonly line: number;
  readonly character: number;
  readonly length: number;
}

const LINE_BREAK = /[\r\n]/;

/**
 * Every ID in `text`, in order. Throws the `invalidInput` VodError of `compileIdPattern` for an
 * unusable custom pattern (validate settings first). A custom pattern's match that spans a line
 * break is dropped: IDs do not span lines, and such a match could not be shown as one range.
 */
export function scanText(text: string, pattern: string = DEFAULT_ID_PATTERN): TextOccurrence[] {
  const isDefault = pattern === DEFAULT_ID_PATTERN;
  const matches = isDefault ? findDefaultPatternIds(text) : findImageIds(text, pattern).filter(onOneLine);
  if (matches.length === 0) return [];
  const cursor = new LineCursor(text);
  return matches.map((m) => {
    const { line, character } = cursor.positionOf(m.start);
    // The default matcher's IDs are owned copies already; a regex match is a view into `text`.
    return { id: isDefault ? m.id : ownedCopy(m.id), line, character, length: m.end - m.start };
  });
}

function onOneLine(match: IdMatch): boolean {
  return !LINE_BREAK.test(match.id);
}
