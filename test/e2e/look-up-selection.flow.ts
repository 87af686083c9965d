import { openFile } from './lib/editor';
import { flow } from './lib/flow';
import { quickPickRow } from './lib/palette';

/** Select a whole file, press the Look Up keybinding: one list of every image it mentions. */
export default flow('looking up a selection lists every image found and names the missing', async ({ page, screenshot }) => {
  const editor = await openFile(page, 'products.json');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+Shift+Alt+I');
  // products.json names six image IDs; the quick pick's title counts what was found.
  await page.locator('.quick-input-widget', { hasText: /\d of 6 images found/ }).waitFor();
  await quickPickRow(page, 'Product shot: red sneaker').waitFor();
  await quickPickRow(page, 'Brown leather bag').waitFor();
  await page.waitForTimeout(300);
  await screenshot('list');
  await quickPickRow(page, 'Brown leather bag').click();
  await page.locator('.tabs-container .tab', { hasText: 'Brown leather bag' }).waitFor();
});
