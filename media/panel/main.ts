/**
 * Entry point of the details panel's webview script (bundled to media/dist/panel.js, loaded by
 * nonce). Binds the controller to the page that renderPanelHtml produced.
 */
import { startPanel, type VsCodeApi } from './controller';
import { startEditForm } from './editForm';
import { rovingToolbar, type RovingButton } from './toolbarKeys';

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const byId = <T>(id: string): T => document.getElementById(id) as unknown as T;
const formElement = document.querySelector<HTMLFormElement>('#edit-form');

/** The form's problem templates (editFormHtml.ts); an unreadable attribute leaves the catalog keys shown. */
function problemTemplates(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(formElement?.dataset['problems'] ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}
const editForm = startEditForm(
  {
    openButton: document.querySelector<HTMLButtonElement>('button[data-edit="open"]'),
    form: formElement,
    cancelButton: document.querySelector<HTMLButtonElement>('button[data-edit="cancel"]'),
    title: byId('edit-title'),
    description: byId('edit-description'),
    tags: byId('edit-tags'),
    cateId: byId('edit-category'),
    error: byId('edit-error'),
    problems: problemTemplates(),
  },
  (message) => api.postMessage(message),
);
rovingToolbar(Array.from(document.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')) as unknown as RovingButton[]);
startPanel(
  api,
  {
    imageId: document.body.dataset['imageId'],
    buttons: Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-action]')),
    notice: document.getElementById('notice'),
    setBusy: (busy) => document.body.setAttribute('aria-busy', String(busy)),
    onEditError: (text) => editForm?.showError(text),
  },
  (handler) => window.addEventListener('message', (event: MessageEvent<unknown>) => handler(event.data)),
);
