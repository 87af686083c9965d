/**
 * The image IDs of an open document, scanned once per document version and ID pattern and shared by
 * the decorations and the diagnostics. Only the kinds of documents a person edits are inspected
 * (the hover's selector), and very large ones are skipped: a multi-MB generated file is not where
 * someone reads image IDs.
 */
import type * as vscode from 'vscode';
import { scanText, type TextOccurrence } from '../../vod/scan/scanText';
import { usablePattern } from '../lookup/imageTarget';

const INSPECTED_SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-notebook-cell']);

/** Characters; ≈ 4 MB of text. Larger documents get no decorations or diagnostics. */
export const MAX_DOCUMENT_LENGTH = 4_000_000;

interface Entry {
  readonly version: number;
  readonly pattern: string;
  readonly occurrences: readonly TextOccurrence[];
}

export function isInspected(document: vscode.TextDocument): boolean {
  return INSPECTED_SCHEMES.has(document.uri.scheme);
}

export class DocumentIds {
  private readonly entries = new Map<string, Entry>();

  /** The occurrences in text order; empty for documents that are not inspected or too large. */
  occurrences(document: vscode.TextDocument, idPattern: string): readonly TextOccurrence[] {
    if (!isInspected(document)) return [];
    const key = document.uri.toString();
    const pattern = usablePattern(idPattern);
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version && cached.pattern === pattern) return cached.occurrences;
    const text = document.getText();
    const occurrences = text.length > MAX_DOCUMENT_LENGTH ? [] : scanText(text, pattern);
    this.entries.set(key, { version: document.version, pattern, occurrences });
    return occurrences;
  }

  forget(document: vscode.TextDocument): void {
    this.entries.delete(document.uri.toString());
  }
}
