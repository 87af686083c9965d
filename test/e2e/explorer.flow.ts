import { openFile } from './lib/editor';
import { flow } from './lib/flow';
import { quickPickRow, runCommand, typeIntoInputBox } from './lib/palette';

/** Open the VOD Images view, see the workspace's images by title, filter the Library by text. */
export default flow('the explorer lists workspace images and filters the library', async ({ page, screenshot }) => {
  await openFile(page, 'products.json');
  await page.locator('.activitybar .action-item a[aria-label^="VOD Images"]').click();
  const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Explorer/i }) }).locator('.monaco-list');
  const row = (text: string | RegExp) => page.locator('.monaco-list-row', { hasText: text }).first();

  // This Workspace starts expanded; its rows turn from IDs into titles once resolved.
  await row('This Workspace').waitFor();
  await row('Product shot: red sneaker').waitFor();
  await row(/refs?/).waitFor();
  await page.waitForTimeout(300);
  await screenshot('workspace');

  // Filter the Library by text through the filter menu, as a user would.
  await runCommand(page, 'VOD Images: Filter Library…');
  await quickPickRow(page, 'Text').click();
  await typeIntoInputBox(page, 'sneaker');
  await quickPickRow(page, 'Apply').click();
  // Collapse the other sections so the only second-level rows left are the Library's.
  for (const section of ['Selection', 'This Workspace']) {
    const header = row(section);
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  }
  const library = row(/^Library/);
  await library.waitFor();
  if ((await library.getAttribute('aria-expanded')) !== 'true') await library.click();
  await page.locator('.monaco-list-row[aria-level="1"][aria-expanded="true"]', { hasText: 'Library' }).waitFor();
  await row(/Library.*sneaker/).waitFor();
  await page.locator('.monaco-list-row[aria-level="2"]', { hasText: 'Product shot: red sneaker' }).waitFor();
  await tree.first().waitFor();
  await page.waitForTimeout(300);
  await screenshot('library-filtered');
});
