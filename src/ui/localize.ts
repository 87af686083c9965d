/**
 * Core sentences in the editor's language. The core names each sentence by a catalog key with values
 * (`src/vod/messages.ts`); here the English template goes through `vscode.l10n.t`, whose key in
 * `l10n/bundle.l10n.zh-cn.json` is that template, so a zh-CN user reads Chinese while the CLI and the
 * log keep the English text (`VodError.message`). Nested values (a reason inside a sentence) are
 * translated first. API codes, request IDs, hosts and server text pass through as values, unchanged.
 */
import * as vscode from 'vscode';
import type { VodError } from '../vod/errors';
import { catalog, renderMessage, type Message, type MessageKey } from '../vod/messages';

export function localizeMessage(message: Message): string {
  // The one call whose template is not a literal: the completeness test checks every catalog template.
  return renderMessage(message, (template, values) => vscode.l10n.t(template, values));
}

/** A problem for an input box or a form in the editor's language; undefined stays undefined (no problem). */
export function localizeProblem(problem: Message | undefined): string | undefined {
  return problem === undefined ? undefined : localizeMessage(problem);
}

/**
 * Catalog templates in the editor's language with their `{name}` placeholders kept, for a webview
 * that fills them itself (it has no catalog): each placeholder is given itself as its value.
 */
export function localizedTemplates(keys: readonly MessageKey[]): Record<string, string> {
  const templates: Record<string, string> = {};
  for (const key of keys) {
    const params: Record<string, string> = {};
    for (const [, name] of catalog()[key].matchAll(/\{([A-Za-z]\w*)\}/g)) params[name!] = `{${name}}`;
    templates[key] = localizeMessage({ key, params });
  }
  return templates;
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
