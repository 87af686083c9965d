import { videoIdFor } from '../emulator/videoFixtures';
import { hoverWord } from './lib/editor';
import { flow } from './lib/flow';
import { imageNaturalWidth } from './lib/images';
import { runCommand } from './lib/palette';

/** "Product intro (90 s)": 90.5 s, a PNG cover. "Podcast episode 1": 1,835 s of audio. */
const VIDEO = { id: videoIdFor('intro'), title: 'Product intro (90 s)', duration: '0:01:31' };
const AUDIO = { id: videoIdFor('ep-1'), title: 'Podcast episode 1', duration: '0:30:35' };

/**
 * Hovering a video ID in the editor: its cover loads (embedded as a data: URI, like image thumbnails),
 * with its title, kind and h:mm:ss duration; an audio ID next to it says Audio. Screenshot of the
 * video hover goes to test-results/e2e/.
 */
export default flow('hover on a video ID shows its cover and duration; an audio ID says audio', async ({ page, screenshot }) => {
  await runCommand(page, 'File: New Untitled Text File');
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').waitFor();
  await editor.click();
  await page.keyboard.type(`intro: ${VIDEO.id}\npodcast: ${AUDIO.id}`, { delay: 0 });

  const hover = await hoverWord(page, VIDEO.id, { expectText: VIDEO.title });
  const img = hover.locator('img').first();
  const src = (await img.getAttribute('src')) ?? '';
  if (!src.startsWith('data:image/')) throw new Error(`the cover is not an embedded image: ${src.slice(0, 40)}`);
  if ((await imageNaturalWidth(img)) <= 0) throw new Error('the cover did not load (naturalWidth 0)');
  const text = (await hover.textContent()) ?? '';
  if (!text.includes(VIDEO.duration)) throw new Error(`the hover does not show the duration ${VIDEO.duration}: ${text.slice(0, 200)}`);
  if (!/\bVideo\b/.test(text) || /Audio\/video/.test(text)) throw new Error(`the hover does not say Video: ${text.slice(0, 200)}`);
  await page.waitForTimeout(300);
  await screenshot('video-hover');

  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
  await page.waitForTimeout(200);
  const audio = await hoverWord(page, AUDIO.id, { expectText: AUDIO.title });
  const audioText = (await audio.textContent()) ?? '';
  if (!/\bAudio\b/.test(audioText) || /Audio\/video/.test(audioText)) throw new Error(`the audio hover does not say Audio: ${audioText.slice(0, 200)}`);
  if (!audioText.includes(AUDIO.duration)) throw new Error(`the audio hover does not show ${AUDIO.duration}`);
});
