import { imageIdFor } from '../emulator/fixtures';
import { clickWord, openFile } from './lib/editor';
import { flow } from './lib/flow';
import { dismiss } from './lib/workbench';

/** The editor's context menu has a "VOD Images" submenu only where the cursor is on an image ID. */
export default flow('the editor context menu offers VOD Images only on an ID', async ({ page, screenshot }) => {
  const id = imageIdFor('red-sneaker');
  await openFile(page, 'products.json');
  const menu = page.locator('.context-view .monaco-menu');
  const submenu = menu.locator('.action-item', { hasText: /^VOD Images/ });

  // On the ID: the submenu is there, and holds the VOD commands.
  await clickWord(page, id);
  await page.waitForTimeout(400);
  await rightClickAtCursor(page);
  await submenu.first().waitFor();
  await submenu.first().hover();
  await menu.locator('.action-label', { hasText: 'Copy Signed URL' }).first().waitFor();
  await screenshot('on-id');
  // Escape closes the submenu, then the menu.
  await page.keyboard.press('Escape');
  await dismiss(page);
  await menu.first().waitFor({ state: 'hidden' });

  // On a line without an ID: no submenu.
  await clickWord(page, 'catalogVersion');
  await page.waitForTimeout(400);
  await rightClickAtCursor(page);
  await menu.locator('.action-label', { hasText: /^Cut$/ }).first().waitFor();
  if ((await submenu.count()) > 0) throw new Error('the VOD Images submenu shows on a line without an ID');
  await screenshot('no-id');
  await dismiss(page);
});

/** Opens the editor's context menu where the cursor is (Shift+F10 acts on the cursor, not the pointer). */
async function rightClickAtCursor(page: import('../host/lib/playwright').Page): Promise<void> {
  await page.keyboard.press('Shift+F10');
  await page.locator('.context-view .monaco-menu').first().waitFor();
}
