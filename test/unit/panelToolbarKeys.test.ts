import { strict as assert } from 'node:assert';
import { nextIndex, rovingToolbar, type KeyLike, type RovingButton } from '../../media/panel/toolbarKeys';

class FakeButton implements RovingButton {
  tabIndex = 0;
  readonly listeners = new Map<string, (event: KeyLike) => void>();
  constructor(
    public disabled: boolean,
    private readonly focused: FakeButton[],
  ) {}
  focus(): void {
    this.focused.push(this);
    this.listeners.get('focus')?.({ key: '', preventDefault() {} });
  }
  addEventListener(type: 'keydown' | 'focus', listener: (event: KeyLike) => void): void {
    this.listeners.set(type, listener);
  }
  press(key: string): boolean {
    let prevented = false;
    this.listeners.get('keydown')?.({ key, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

describe('details panel toolbar: arrow keys (roving tabindex)', () => {
  it('moves right and left with wrapping, Home/End to the ends, skipping disabled buttons', () => {
    const enabled = [true, false, true, true];
    assert.equal(nextIndex('ArrowRight', 0, enabled), 2);
    assert.equal(nextIndex('ArrowRight', 3, enabled), 0);
    assert.equal(nextIndex('ArrowLeft', 0, enabled), 3);
    assert.equal(nextIndex('ArrowLeft', 2, enabled), 0);
    assert.equal(nextIndex('Home', 3, enabled), 0);
    assert.equal(nextIndex('End', 0, enabled), 3);
    assert.equal(nextIndex('Enter', 0, enabled), undefined);
    assert.equal(nextIndex('ArrowRight', 0, [false, false]), undefined);
  });

  it('keeps one Tab stop and moves focus and the stop with the keys', () => {
    const focused: FakeButton[] = [];
    const buttons = [new FakeButton(true, focused), new FakeButton(false, focused), new FakeButton(false, focused), new FakeButton(false, focused)];
    rovingToolbar(buttons);
    assert.deepEqual(buttons.map((b) => b.tabIndex), [-1, 0, -1, -1], 'the first enabled button is the stop');
    assert.equal(buttons[1]!.press('ArrowRight'), true);
    assert.equal(focused.at(-1), buttons[2]);
    assert.deepEqual(buttons.map((b) => b.tabIndex), [-1, -1, 0, -1]);
    buttons[2]!.press('End');
    assert.equal(focused.at(-1), buttons[3]);
    buttons[3]!.press('ArrowRight');
    assert.equal(focused.at(-1), buttons[1], 'wraps past the disabled first button');
    assert.equal(buttons[1]!.press('a'), false, 'other keys are left alone');
  });
});
