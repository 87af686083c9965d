import { openFile } from './lib/editor';
import { flow } from './lib/flow';

/**
 * status.md in the demo workspace names the emulator's blocked, failed and uploading images: the
 * Problems panel lists the blocked one as a warning, and the inline text after the IDs shows titles.
 */
export default flow('a document with a blocked image: Problems panel warning and inline decoration', async ({ page, imageIds, screenshot }) => {
  const blocked = imageIds.blocked ?? '';
  await openFile(page, 'status.md');

  // After-text decorations are drawn by CSS `content:` rules, not DOM text: look for the rule.
  await page.waitForFunction(
    (text) =>
      Array.from(document.styleSheets).some((sheet) => {
        try {
          return Array.from(sheet.cssRules).some((rule) => rule.cssText.includes(text));
        } catch {
          return false;
        }
      }),
    'Flagged upload',
    { timeout: 20_000 },
  );

  await page.keyboard.press('Control+Shift+M');
  const problems = page.locator('.markers-panel');
  await problems.locator('.monaco-list-row', { hasText: `VOD image ${blocked} was blocked by content review` }).first().waitFor({ timeout: 20_000 });
  await problems.locator('.monaco-list-row', { hasText: 'failed to upload' }).first().waitFor();
  await problems.locator('.monaco-list-row', { hasText: 'is still uploading' }).first().waitFor();
  await page.waitForTimeout(300);
  await screenshot('problems');
});
