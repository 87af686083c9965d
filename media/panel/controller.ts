/**
 * The details panel's browser-side behaviour, written against the few DOM members it needs so it
 * can be unit-tested in Node with plain objects. `main.ts` binds it to the real page.
 *
 * Text from the host is only ever assigned to `textContent`: the page never parses HTML at runtime.
 */
import { isPanelAction, parseHostMessage, type PanelAction, type WebviewMessage } from '../../src/vod/render/panelMessages';

/** The part of `acquireVsCodeApi()` we use. */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
}

export interface ActionButton {
  readonly dataset: { readonly [key: string]: string | undefined };
  disabled: boolean;
  addEventListener(type: 'click', listener: () => void): void;
}

export interface PanelView {
  /** Told when the host refused an edit (the inline form shows it). */
  readonly onEditError?: ((text: string) => void) | undefined;
  /** From `<body data-image-id>`, so the serializer can restore the panel before any message. */
  readonly imageId: string | undefined;
  readonly buttons: readonly ActionButton[];
  readonly notice: { textContent: string | null } | null;
  setBusy(busy: boolean): void;
}

/** The state VS Code keeps for the webview serializer. */
export interface PanelState {
  readonly imageId: string;
}

/**
 * Wires buttons and host messages, then sends the `ready` handshake. `listen` is called before
 * `ready` is posted, so no reply of the host can arrive before someone is listening for it.
 */
export function startPanel(api: VsCodeApi, view: PanelView, listen: (handler: (data: unknown) => void) => void): void {
  if (view.imageId) api.setState({ imageId: view.imageId } satisfies PanelState);

  // Buttons rendered disabled (no URL to copy) stay disabled when a busy spell ends.
  const alwaysDisabled = new Set(view.buttons.filter((b) => b.disabled));
  for (const button of view.buttons) {
    const action = button.dataset['action'];
    if (!isPanelAction(action)) continue;
    const stream = button.dataset['stream'] === undefined ? undefined : Number(button.dataset['stream']);
    const message: WebviewMessage =
      stream !== undefined && Number.isInteger(stream) ? { type: 'action', action: action satisfies PanelAction, stream } : { type: 'action', action };
    button.addEventListener('click', () => post(api, message));
  }

  listen((data) => {
    const message = parseHostMessage(data);
    if (!message) return;
    switch (message.type) {
      case 'state':
        api.setState({ imageId: message.imageId } satisfies PanelState);
        break;
      case 'busy':
        view.setBusy(message.busy);
        for (const button of view.buttons) button.disabled = message.busy || alwaysDisabled.has(button);
        break;
      case 'notice':
        if (view.notice) view.notice.textContent = message.text;
        break;
      case 'editError':
        view.onEditError?.(message.text);
        break;
    }
  });

  post(api, { type: 'ready' });
}

function post(api: VsCodeApi, message: WebviewMessage): void {
  api.postMessage(message);
}
