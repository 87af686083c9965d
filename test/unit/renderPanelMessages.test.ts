import assert from 'node:assert/strict';
import { startPanel, type ActionButton, type PanelView } from '../../media/panel/controller';
import { PANEL_ACTIONS, isPanelAction, parseHostMessage, parseWebviewMessage } from '../../src/vod/render/panelMessages';

describe('render/panelMessages', () => {
  it('accepts the webview messages and strips nothing it needs', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    for (const action of ['copyUrl', 'copySignedUrl', 'openInBrowser', 'refresh', 'copyId']) {
      assert.deepEqual(parseWebviewMessage({ type: 'action', action }), { type: 'action', action });
    }
    assert.deepEqual(parseWebviewMessage({ type: 'action', action: 'refresh', url: 'https://evil' }), { type: 'action', action: 'refresh' }, 'extra keys are dropped');
  });

  it('rejects anything else from the webview', () => {
    for (const bad of [
      undefined,
      null,
      'ready',
      42,
      {},
      { type: 'READY' },
      { type: 'action' },
      { type: 'action', action: 'runCommand' },
      { type: 'action', action: 'constructor' },
      { type: 'action', action: ['copyUrl'] },
      { type: 'state', imageId: 'x' },
      { type: '__proto__' },
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('accepts host messages and rejects malformed ones', () => {
    assert.deepEqual(parseHostMessage({ type: 'state', imageId: 'abc' }), { type: 'state', imageId: 'abc' });
    assert.deepEqual(parseHostMessage({ type: 'busy', busy: true }), { type: 'busy', busy: true });
    assert.deepEqual(parseHostMessage({ type: 'notice', text: 'Copied.' }), { type: 'notice', text: 'Copied.' });
    for (const bad of [
      { type: 'state', imageId: '' },
      { type: 'state', imageId: 'x'.repeat(257) },
      { type: 'busy', busy: 'yes' },
      { type: 'notice', text: 1 },
      { type: 'notice', text: 'x'.repeat(2001) },
      { type: 'html', html: '<b>' },
      { type: 'ready' },
    ]) {
      assert.equal(parseHostMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('knows the action names', () => {
    assert.deepEqual([...PANEL_ACTIONS].sort(), ['copyId', 'copyPlayUrl', 'copySignedUrl', 'copyUrl', 'openInBrowser', 'refresh']);
    assert.equal(isPanelAction('copyUrl'), true);
    assert.equal(isPanelAction('toString'), false);
    assert.equal(isPanelAction(undefined), false);
  });
});

describe('media/panel controller', () => {
  class FakeButton implements ActionButton {
    readonly listeners: (() => void)[] = [];
    constructor(
      readonly dataset: { readonly [key: string]: string | undefined },
      public disabled = false,
    ) {}
    addEventListener(_type: 'click', listener: () => void): void {
      this.listeners.push(listener);
    }
    click(): void {
      for (const l of this.listeners) l();
    }
  }

  function setUp(imageId = 'img1') {
    const posted: unknown[] = [];
    const states: unknown[] = [];
    const busy: boolean[] = [];
    const order: string[] = [];
    const buttons = [
      new FakeButton({ action: 'copySignedUrl' }),
      new FakeButton({ action: 'copyUrl' }, true),
      new FakeButton({ action: 'refresh' }),
      new FakeButton({ action: 'runCommand' }),
      new FakeButton({}),
    ];
    const notice = { textContent: '' as string | null };
    const view: PanelView = { imageId, buttons, notice, setBusy: (b) => busy.push(b) };
    let handler: ((data: unknown) => void) | undefined;
    startPanel(
      {
        postMessage: (m) => {
          order.push('post');
          posted.push(m);
        },
        setState: (s) => states.push(s),
      },
      view,
      (h) => {
        order.push('listen');
        handler = h;
      },
    );
    return { posted, states, busy, order, buttons, notice, send: (data: unknown) => handler!(data) };
  }

  it('listens before posting ready, and saves the image ID for the serializer', () => {
    const { posted, states, order } = setUp();
    assert.deepEqual(order, ['listen', 'post']);
    assert.deepEqual(posted, [{ type: 'ready' }]);
    assert.deepEqual(states, [{ imageId: 'img1' }]);
  });

  it('posts a typed action for known buttons only', () => {
    const { posted, buttons } = setUp();
    for (const b of buttons) b.click();
    assert.deepEqual(posted.slice(1), [
      { type: 'action', action: 'copySignedUrl' },
      { type: 'action', action: 'copyUrl' },
      { type: 'action', action: 'refresh' },
    ]);
    assert.equal(buttons[3]!.listeners.length, 0);
    for (const message of posted) assert.ok(parseWebviewMessage(message), 'every post passes the host-side schema');
  });

  it('a play-stream row button posts its stream index; a header button and a bad index post none', () => {
    const posted: unknown[] = [];
    const buttons = [new FakeButton({ action: 'copyPlayUrl', stream: '2' }), new FakeButton({ action: 'copyPlayUrl' }), new FakeButton({ action: 'copyPlayUrl', stream: 'x' })];
    startPanel({ postMessage: (m) => posted.push(m), setState: () => {} }, { imageId: 'v1', buttons, notice: null, setBusy: () => {} }, () => {});
    for (const b of buttons) b.click();
    assert.deepEqual(posted.slice(1), [
      { type: 'action', action: 'copyPlayUrl', stream: 2 },
      { type: 'action', action: 'copyPlayUrl' },
      { type: 'action', action: 'copyPlayUrl' },
    ]);
    for (const message of posted) assert.ok(parseWebviewMessage(message));
  });

  it('applies host messages: state, busy (keeping initially disabled buttons disabled) and notices as text', () => {
    const { states, busy, buttons, notice, send } = setUp(''); // no data-image-id on the page
    assert.deepEqual(states, []);
    send({ type: 'state', imageId: 'img2' });
    assert.deepEqual(states, [{ imageId: 'img2' }]);

    send({ type: 'busy', busy: true });
    assert.deepEqual(busy, [true]);
    assert.ok(buttons.every((b) => b.disabled));
    send({ type: 'busy', busy: false });
    assert.deepEqual(
      buttons.map((b) => b.disabled),
      [false, true, false, false, false],
    );

    send({ type: 'notice', text: '<img src=x onerror=alert(1)>' });
    assert.equal(notice.textContent, '<img src=x onerror=alert(1)>');
  });

  it('ignores malformed host messages', () => {
    const { states, busy, notice, send } = setUp();
    send({ type: 'notice', text: 5 });
    send({ type: 'busy' });
    send('state');
    send(null);
    assert.deepEqual(states, [{ imageId: 'img1' }]);
    assert.deepEqual(busy, []);
    assert.equal(notice.textContent, '');
  });
});
