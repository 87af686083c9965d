import type { Locator, Page } from '../../host/lib/playwright';

/** Waits until the Output panel shows channel `name` (and, if given, a line containing `text`); returns the panel. */
export async function waitForOutput(page: Page, name: string, text?: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
  const panel = page.locator('.part.panel');
  await panel.waitFor({ state: 'visible', timeout: timeoutMs });
  // The channel picker is a plain <select> in the panel's title bar.
  await page.waitForFunction(
    (channel: string) =>
      Array.from(document.querySelectorAll<HTMLSelectElement>('.part.panel select')).some(
        (s) => s.options[s.selectedIndex]?.text === channel,
      ),
    name,
    { timeout: timeoutMs },
  );
  if (text !== undefined) {
    await panel.locator('.view-lines', { hasText: text }).first().waitFor({ state: 'visible', timeout: timeoutMs });
  }
  return panel;
}
