/**
 * Core sentences in the editor's language. The core names each sentence by a catalog key with values
 * (`src/vod/messages.ts`); here the English template goes through `vscode.l10n.t`, whose key in
 * `l10n/bundle.l10n.zh-cn.json` is that template, so a zh-CN user reads Chinese while the CLI and the
 * log keep the English text (`VodError.message`). Nested values (a reason inside a sentence) are
 * translated first. API codes, request IDs, hosts and server text pass through as values, unchanged.
 */
import * as vscode from 'vscode';
import type { VodError } from '../vod/errors';
import { renderMessage, type Message } from '../vod/messages';

export function localizeMessage(message: Message): string {
  // The one call whose template is not a literal: the completeness test checks every catalog template.
  return renderMessage(message, (template, values) => vscode.l10n.t(template, values));
}

/** The error's sentence in the editor's language (`VodError.message`, localised). */
export function localizeError(error: VodError): string {
  return localizeMessage(error.text);
}

/** `VodError.toLine()` in the editor's language: the sentence, then the API's Code and RequestId as sent. */
export function localizeErrorLine(error: VodError): string {
  const parts = [localizeError(error)];
  if (error.code) parts.push(`Code: ${error.code}`);
  if (error.requestId) parts.push(`RequestId: ${error.requestId}`);
  return parts.join(' · ');
}
