import { flow } from './lib/flow';
import { frameImageNaturalWidth, imageNaturalWidth } from './lib/images';
import { runCommand } from './lib/palette';
import { findWebviewFrame } from './lib/webview';

/**
 * The installed VSIX's page in the Extensions view, as a user opens it: its icon and the README with
 * every screenshot loaded from the package itself (this machine is offline, like many editors are).
 */
export default flow('the extension page shows the icon and the README screenshots', async ({ page, screenshot }) => {
  await runCommand(page, 'Extensions: Show Enabled Extensions');
  const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'VOD Image Inspector' }).first();
  await row.click();

  const header = page.locator('.extension-editor > .header');
  await header.getByText('VOD Image Inspector').first().waitFor();
  const icon = await imageNaturalWidth(header.locator('img.icon').first());
  if (icon !== 256) throw new Error(`the extension icon did not load (naturalWidth ${icon}, want 256)`);

  const readme = await findWebviewFrame(page, 'Privacy: what is sent where', 30_000);
  // By their alt text (README.md): the packaged README carries them inline, so no file name shows.
  const widths: Record<string, number> = {};
  for (const alt of ['Hovering an image ID', 'The details panel', 'The VOD Images explorer']) {
    widths[alt] = await frameImageNaturalWidth(readme, `img[alt^="${alt}"]`);
  }
  const broken = Object.entries(widths).filter(([, w]) => w === 0).map(([n]) => n);
  if (broken.length) throw new Error(`README screenshots not shown: ${broken.join(', ')} (${JSON.stringify(widths)})`);
  await readme.locator('img[alt^="Hovering an image ID"]').scrollIntoViewIfNeeded();
  await page.mouse.move(1, 1);
  await screenshot('readme');
});
