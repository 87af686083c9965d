import { imageIdFor } from '../emulator/fixtures';
import { hoverWord, openFile } from './lib/editor';
import { flow } from './lib/flow';
import { waitForNotification } from './lib/notifications';
import { quickPickRow } from './lib/palette';

/** The hover's "Copy signed URL": pick 7 days, then CDN, and read the confirmation. */
export default flow('copy signed URL from the hover with a chosen expiry', async ({ page, screenshot }) => {
  const id = imageIdFor('red-sneaker');
  await openFile(page, 'products.json');
  const hover = await hoverWord(page, id, { expectText: 'Product shot: red sneaker' });
  await hover.locator('a', { hasText: 'Copy signed URL' }).click();

  await quickPickRow(page, '1 hour').waitFor();
  await screenshot('expiry');
  await quickPickRow(page, '7 days').click();
  await quickPickRow(page, 'CDN').click();

  const toast = await waitForNotification(page, 'Signed URL copied — expires');
  const text = (await toast.textContent()) ?? '';
  if (/auth_key|https?:\/\//.test(text)) throw new Error(`the notification shows the URL: ${text}`);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const authKey = new URL(copied).searchParams.get('auth_key') ?? '';
  const expires = Number(authKey.split('-')[0]);
  const wanted = Date.now() / 1000 + 7 * 86400;
  if (!(Math.abs(expires - wanted) < 120)) throw new Error(`the copied URL expires at ${expires}, not in 7 days (${Math.round(wanted)})`);
  await screenshot('copied');
});
