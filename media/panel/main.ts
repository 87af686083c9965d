/**
 * Entry point of the details panel's webview script (bundled to media/dist/panel.js, loaded by
 * nonce). Binds the controller to the page that renderPanelHtml produced.
 */
import { startPanel, type VsCodeApi } from './controller';
import { rovingToolbar, type RovingButton } from './toolbarKeys';

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
rovingToolbar(Array.from(document.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')) as unknown as RovingButton[]);
startPanel(
  api,
  {
    imageId: document.body.dataset['imageId'],
    buttons: Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-action]')),
    notice: document.getElementById('notice'),
    setBusy: (busy) => document.body.setAttribute('aria-busy', String(busy)),
  },
  (handler) => window.addEventListener('message', (event: MessageEvent<unknown>) => handler(event.data)),
);
