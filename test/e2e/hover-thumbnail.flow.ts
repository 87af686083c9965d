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
  await screenshot('hover');
  // The action links sit below the details: scroll the hover (the pointer inside keeps it open).
  await hover.hover();
  await page.mouse.wheel(0, 400);
  await hover.locator('a', { hasText: 'Copy signed URL' }).waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  await screenshot('hover-actions');
});
