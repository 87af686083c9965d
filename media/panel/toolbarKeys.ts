/**
 * Arrow keys in the details panel's toolbar (the WAI-ARIA toolbar pattern): the toolbar is one Tab
 * stop, and Left/Right (wrapping), Home and End move between its buttons. A "roving tabindex" keeps
 * that stop on the button last focused, so Tab returns to it. Disabled buttons are skipped.
 *
 * Written against the few DOM members it needs, so it is unit-tested in Node with plain objects.
 */

export interface KeyLike {
  readonly key: string;
  preventDefault(): void;
}

export interface RovingButton {
  readonly disabled: boolean;
  tabIndex: number;
  focus(): void;
  addEventListener(type: 'keydown' | 'focus', listener: (event: KeyLike) => void): void;
}

/** The index the key moves to from `from` among `count` buttons, skipping disabled ones; undefined for other keys. */
export function nextIndex(key: string, from: number, enabled: readonly boolean[]): number | undefined {
  const count = enabled.length;
  const step = (start: number, delta: number): number | undefined => {
    for (let i = 1; i <= count; i++) {
      const at = (((start + delta * i) % count) + count) % count;
      if (enabled[at]) return at;
    }
    return undefined;
  };
  switch (key) {
    case 'ArrowRight':
      return step(from, 1);
    case 'ArrowLeft':
      return step(from, -1);
    case 'Home':
      return step(-1, 1);
    case 'End':
      return step(count, -1);
    default:
      return undefined;
  }
}

export function rovingToolbar(buttons: readonly RovingButton[]): void {
  let stop = Math.max(0, buttons.findIndex((b) => !b.disabled));
  const setStop = (index: number): void => {
    stop = index;
    buttons.forEach((b, i) => (b.tabIndex = i === index ? 0 : -1));
  };
  setStop(stop);
  buttons.forEach((button, index) => {
    button.addEventListener('focus', () => setStop(index));
    button.addEventListener('keydown', (event) => {
      const target = nextIndex(event.key, index, buttons.map((b) => !b.disabled));
      if (target === undefined) return;
      event.preventDefault();
      setStop(target);
      buttons[target]!.focus();
    });
  });
}
