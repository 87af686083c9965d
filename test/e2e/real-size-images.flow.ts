import { imageIdFor } from '../emulator/fixtures';
import { hoverWord } from './lib/editor';
import { flow } from './lib/flow';
import { frameImageNaturalWidth, imageNaturalWidth } from './lib/images';
import { runCommand, closeAllEditors } from './lib/palette';
import { findWebviewFrame } from './lib/webview';

/** The real-size fixtures: title shown in the hover, W×H, and what the panel's <img> loads. */
const IMAGES = [
  { slug: 'real-photo-8mb', title: 'Studio shot 4000×3000 (8 MB)', size: '4000×3000', panelWidth: 1024 },
  { slug: 'real-png-3mb', title: 'Lossless export (3 MB PNG)', size: '1000×1000', panelWidth: 1000 },
  { slug: 'real-anim-6mb', title: 'Animated teaser (6 MB GIF)', size: '800×600', panelWidth: 800 },
  { slug: 'real-photo-12mb', title: 'Panorama 5000×3750 (12 MB)', size: '5000×3750', panelWidth: 5000 },
  { slug: 'real-photo-20mb', title: 'Print master 6000×4500 (20 MB)', size: '6000×4500', panelWidth: 6000 },
] as const;

/**
 * Real-size images (2–20 MB) in the real workbench: each hover shows a thumbnail that loads, and
 * the details panel shows the image scaled down, with its real W×H. Screenshots of the 8 MB and
 * 20 MB hovers and of both panels go to test-results/e2e/.
 */
export default flow('real-size images show in the hover and the details panel', async ({ page, screenshot }) => {
  await runCommand(page, 'File: New Untitled Text File');
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').waitFor();
  await editor.click();
  await page.keyboard.type(IMAGES.map((image) => `${image.size}: ${imageIdFor(image.slug)}`).join('\n'), { delay: 0 });

  for (const image of IMAGES) {
    const id = imageIdFor(image.slug);
    const hover = await hoverWord(page, id, { expectText: image.title });
    const img = hover.locator('img').first();
    const src = (await img.getAttribute('src')) ?? '';
    if (!src.startsWith('data:image/png;base64,')) throw new Error(`${image.slug}: the hover image is not an embedded PNG thumbnail: ${src.slice(0, 40)}`);
    const width = await imageNaturalWidth(img);
    if (width <= 0 || width > 256) throw new Error(`${image.slug}: the thumbnail did not load at ≤ 256 px (naturalWidth ${width})`);
    if (!((await hover.textContent()) ?? '').includes(image.size)) throw new Error(`${image.slug}: the hover does not show ${image.size}`);
    if (image.slug === 'real-photo-8mb' || image.slug === 'real-photo-20mb') {
      await page.waitForTimeout(300);
      await screenshot(`hover-${image.slug}`);
    }
    if (image.slug === 'real-photo-8mb' || image.slug === 'real-photo-20mb') {
      await hover.locator('a', { hasText: 'Open details' }).click();
      await page.mouse.move(1, 1);
      const frame = await findWebviewFrame(page, image.title);
      // Decoding a 27-megapixel original takes the webview a moment: a generous wait, not a stall.
      const natural = await frameImageNaturalWidth(frame, 'figure.preview img', 30_000);
      if (natural !== image.panelWidth) throw new Error(`${image.slug}: the panel image loaded at naturalWidth ${natural}, want ${image.panelWidth}`);
      const shown = await frame.evaluate(() => {
        const el = document.querySelector('figure.preview img') as HTMLImageElement;
        return { width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height, text: document.body.innerText };
      });
      if (shown.height > 481 || shown.width <= 0) throw new Error(`${image.slug}: the panel image is not scaled down (${shown.width}×${shown.height})`);
      if (!shown.text.includes(image.size)) throw new Error(`${image.slug}: the panel does not show the real size ${image.size}`);
      // Painted, not just sized: wait for the decode (a string, so no test-runner helpers leak in).
      await frame.evaluate('document.querySelector("figure.preview img").decode()');
      await page.waitForTimeout(500);
      await screenshot(`panel-${image.slug}`);
      // Back to the untitled editor for the next hover.
      await page.locator('.tabs-container .tab', { hasText: 'Untitled-1' }).first().click();
      await editor.locator('.view-lines').waitFor();
      await page.waitForTimeout(300);
    } else {
      await page.keyboard.press('Escape');
      await page.mouse.move(1, 1);
      await page.waitForTimeout(200);
    }
  }
  // Leave no dirty editor behind: a later flow's "Close All Editors" would stop at a save prompt.
  await closeAllEditors(page);
});
