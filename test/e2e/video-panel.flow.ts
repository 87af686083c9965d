import { videoIdFor } from '../emulator/videoFixtures';
import { flow } from './lib/flow';
import { imageNaturalWidth } from './lib/images';
import { runCommand, typeIntoInputBox } from './lib/palette';
import { findWebviewFrame } from './lib/webview';
import { dismiss } from './lib/workbench';

/**
 * Looks up a video ID: instead of "not found", the details panel shows the video, its cover (loaded)
 * and its play streams from GetPlayInfo, each with a Copy play URL button; no play URL is in the page.
 */
export default flow('a video ID opens a details panel with its cover and play streams', async ({ page, screenshot }) => {
  const id = videoIdFor('intro');
  await dismiss(page);
  await runCommand(page, 'VOD Images: Look Up Image');
  await typeIntoInputBox(page, id, { expectPrompt: 'image ID' });

  const frame = await findWebviewFrame(page, 'Play streams');
  const rows = await frame.evaluate(() => document.querySelectorAll('table.streams tbody tr').length);
  if (rows < 2) throw new Error(`expected the play streams, got ${rows} rows`);
  const html = await frame.evaluate(() => document.documentElement.outerHTML);
  if (/\/video\/default\/[^"']*auth_key/.test(html)) throw new Error('a signed play URL is in the page');
  const cover = frame.locator('figure.preview img');
  if ((await imageNaturalWidth(cover)) <= 0) throw new Error('the cover did not load');
  await page.waitForTimeout(300);
  await screenshot('video-panel');
});
