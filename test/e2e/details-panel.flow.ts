import { imageIdFor } from '../emulator/fixtures';
import { hoverWord, openFile } from './lib/editor';
import { flow } from './lib/flow';
import { frameImageNaturalWidth } from './lib/images';
import { findWebviewFrame } from './lib/webview';

/** From the hover's "Open details" link to the panel, whose image loads inside the webview. */
export default flow('details panel opens from the hover and shows the image', async ({ page, screenshot, emulatorEndpoint }) => {
  const id = imageIdFor('leather-bag');
  await openFile(page, 'products.json');
  const hover = await hoverWord(page, id, { expectText: 'Brown leather bag' });
  await hover.locator('a', { hasText: 'Open details' }).click();
  await page.mouse.move(1, 1); // let the hover close, so the screenshot shows the panel

  const frame = await findWebviewFrame(page, 'Brown leather bag');
  const width = await frameImageNaturalWidth(frame, 'figure.preview img');
  if (width !== 400) throw new Error(`the panel image did not load at its natural size (naturalWidth ${width}, want 400)`);
  // The stylesheet loaded under the strict CSP: the badges row is laid out by panel.css.
  const display = await frame.evaluate(() => getComputedStyle(document.querySelector('.badges')!).display);
  if (display !== 'flex') throw new Error(`panel.css is not applied (.badges display ${display})`);
  await frame.locator('button[data-action="refresh"]').waitFor();
  await page.waitForTimeout(300);
  await screenshot('panel');

  // "Open in browser" hands the URL to the browser. A real (https) URL opens verbatim; the emulator's
  // loopback URL is rewritten by code-server to its port proxy (/proxy/<port>/), so only the port shows.
  const popup = page.context().waitForEvent('page', { timeout: 15_000 });
  await frame.locator('button[data-action="openInBrowser"]').click();
  const confirm = page.locator('.monaco-dialog-box button', { hasText: /^Open$/ });
  await Promise.race([confirm.click({ timeout: 5_000 }).catch(() => undefined), popup]);
  const opened = await popup;
  const url = opened.url();
  const port = new URL(emulatorEndpoint).port;
  if (!url.includes(id) && !url.includes(`/proxy/${port}/`)) throw new Error(`the browser opened ${url}`);
  await opened.close();
});
