import { imageIdFor } from '../emulator/fixtures';
import { hoverWord, openFile } from './lib/editor';
import { flow } from './lib/flow';
import { imageNaturalWidth } from './lib/images';

/** products.json mentions the red sneaker (a JPEG fixture) as the first product's hero image. */
export default flow('hover shows the image thumbnail, loaded from a data: URI', async ({ page, screenshot }) => {
  const id = imageIdFor('red-sneaker');
  await openFile(page, 'products.json');
  const hover = await hoverWord(page, id, { expectText: 'Product shot: red sneaker' });
  const img = hover.locator('img').first();
  const src = (await img.getAttribute('src')) ?? '';
  if (!src.startsWith('data:image/jpeg;base64,')) throw new Error(`the hover image is not an embedded JPEG: ${src.slice(0, 40)}`);
  const width = await imageNaturalWidth(img);
  if (width <= 0) throw new Error('the hover thumbnail did not load (naturalWidth 0)');
  // The action links sit right under the title, visible without scrolling the hover.
  const box = await hover.boundingBox();
  for (const action of ['Open details', 'Copy signed URL', 'Copy ID']) {
    const link = hover.locator('a', { hasText: action });
    await link.waitFor({ state: 'visible' });
    const linkBox = await link.boundingBox();
    if (!box || !linkBox || linkBox.y + linkBox.height > box.y + box.height) {
      throw new Error(`"${action}" is cut off by the hover's height`);
    }
  }
  await page.waitForTimeout(300);
  await screenshot('hover');
});
