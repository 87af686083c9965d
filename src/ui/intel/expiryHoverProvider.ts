/** The editor side of the signed-URL expiry hover (see `expiryHover.ts`); no API call is made. */
import * as vscode from 'vscode';
import { formatLocalTime } from '../commands/copyFormat';
import { expiryHoverMarkdown, signedUrlAt } from './expiryHover';
import { expiryHoverLabels } from './labels';

export class ExpiryHoverProvider implements vscode.HoverProvider {
  constructor(private readonly now: () => Date = () => new Date()) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const match = signedUrlAt(document.lineAt(position.line).text, position.character);
    if (!match) return undefined;
    const text = expiryHoverMarkdown(match, this.now(), expiryHoverLabels(), (date) => formatLocalTime(date, vscode.env.language));
    const markdown = new vscode.MarkdownString(text);
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    markdown.supportThemeIcons = false;
    return new vscode.Hover(markdown, new vscode.Range(position.line, match.start, position.line, match.end));
  }
}
