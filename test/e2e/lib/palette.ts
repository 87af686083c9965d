import type { Locator, Page } from '../../host/lib/playwright';

const QUICK_INPUT = '.quick-input-widget';

function quickInput(page: Page): Locator {
  return page.locator(QUICK_INPUT);
}

/** A row of the open quick pick whose label contains `text`. */
export function quickPickRow(page: Page, text: string): Locator {
  return quickInput(page).locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
}

/** Runs a command the way a user does: F1, type its title ("Category: Title"), pick it. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  // The exact label, not just the first row: recently used commands are listed first.
  const row = quickInput(page).locator('.quick-input-list .monaco-list-row', {
    has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
  });
  await row.first().click();
  // Not "palette hidden": the command may open its own quick pick in the same widget straight away.
  await row.first().waitFor({ state: 'hidden' });
}

/**
 * Types into the input box or quick pick the extension has opened (`showInputBox`/`showQuickPick`),
 * optionally checking its prompt first, then presses Enter unless told not to.
 */
export async function typeIntoInputBox(
  page: Page,
  text: string,
  opts: { expectPrompt?: string | RegExp; submit?: boolean } = {},
): Promise<Locator> {
  const widget = quickInput(page);
  await widget.waitFor({ state: 'visible' });
  if (opts.expectPrompt) await widget.getByText(opts.expectPrompt).first().waitFor();
  const input = widget.locator('input');
  await input.fill(text);
  if (opts.submit ?? true) await input.press('Enter');
  return widget;
}

/** The validation message an input box currently shows (empty when none). */
export async function inputBoxMessage(page: Page): Promise<string> {
  const message = quickInput(page).locator('.quick-input-message');
  return (await message.count()) ? ((await message.first().textContent()) ?? '').trim() : '';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * "View: Close All Editors", answering "Don't Save" for editors an earlier step left dirty (an untitled
 * file typed into): the save prompt would otherwise stop the flow that comes next.
 */
export async function closeAllEditors(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  const dontSave = page.locator('.monaco-dialog-box').getByRole('button', { name: "Don't Save" });
  for (let i = 0; i < 10; i++) {
    try {
      await dontSave.click({ timeout: 700 });
    } catch {
      return; // no (more) save prompt
    }
  }
}
