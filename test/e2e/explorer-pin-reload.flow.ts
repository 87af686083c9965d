import { openFile } from './lib/editor';
import { flow } from './lib/flow';
import { runCommand } from './lib/palette';
import { waitForActivation } from './lib/workbench';
import type { Page } from '../host/lib/playwright';

/** Shows the VOD Images view; clicking its activity bar icon when it is already shown would hide it. */
async function openView(page: Page): Promise<void> {
  const title = page.locator('.sidebar .composite.title', { hasText: /VOD Images/i });
  if (await title.isVisible()) return;
  await page.locator('.activitybar .action-item a[aria-label^="VOD Images"]').click();
  await title.waitFor();
}

/** Pin an image from the tree's context menu, reload the window: it is still pinned. */
export default flow('a pinned image stays pinned across a window reload', async ({ page, screenshot }) => {
  await openFile(page, 'products.json');
  await openView(page);
  const row = (text: string | RegExp) => page.locator('.monaco-list-row', { hasText: text }).first();
  await row('Brown leather bag').waitFor();
  await row('Brown leather bag').click({ button: 'right' });
  // The workbench's context menu acts on keyboard selection reliably: point at the item, press Enter.
  await page.locator('.context-view .action-menu-item', { hasText: 'Pin Image' }).first().hover();
  await page.keyboard.press('Enter');
  await row(/^Pinned/).waitFor();

  await page.waitForTimeout(500);
  const navigated = page.waitForNavigation({ timeout: 60_000 });
  await runCommand(page, 'Developer: Reload Window');
  await navigated;
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await waitForActivation(page);
  await openView(page);
  const pinned = row(/^Pinned/);
  await pinned.waitFor({ timeout: 30_000 });
  // Expand the group from the keyboard, then read the row right below it: the pinned image.
  await pinned.click();
  if ((await pinned.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
  await page.locator('.monaco-list-row[aria-expanded="true"]', { hasText: /^Pinned/ }).waitFor();
  const index = Number(await pinned.getAttribute('data-index'));
  await page.locator(`.monaco-list-row[data-index="${index + 1}"][aria-level="2"]`, { hasText: 'Brown leather bag' }).waitFor();
  await page.waitForTimeout(300);
  await screenshot('pinned-after-reload');
});
