import { imageIdFor } from '../emulator/fixtures';
import { flow } from './lib/flow';
import { runCommand, typeIntoInputBox } from './lib/palette';
import { findWebviewFrame } from './lib/webview';
import { dismiss } from './lib/workbench';

const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';

/**
 * Looks up an image by typing its ID into the extension's input box; its title is HTML. The panel
 * and the hover must both show it as text: no element, no handler, no alert.
 */
export default flow('a hostile title renders as text in the panel', async ({ page, screenshot }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const id = imageIdFor('xss-img');
  await dismiss(page);
  await runCommand(page, 'VOD Images: Look Up Image');
  await typeIntoInputBox(page, id, { expectPrompt: 'image ID' });

  const frame = await findWebviewFrame(page, HOSTILE_TITLE);
  const heading = await frame.evaluate(() => document.querySelector('h1')?.textContent ?? '');
  if (heading !== HOSTILE_TITLE) throw new Error(`the title is not shown as text: ${JSON.stringify(heading)}`);
  // The only image is the preview itself; the title's <img onerror> never became an element.
  const images = await frame.evaluate(() => Array.from(document.images, (img) => img.getAttribute('src') ?? ''));
  if (images.length !== 1 || !images[0]!.includes(id)) throw new Error(`unexpected images in the panel: ${JSON.stringify(images)}`);
  const handlers = await frame.evaluate(() =>
    Array.from(document.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes, (a) => a.name)).filter((name) => name.startsWith('on')),
  );
  if (handlers.length > 0) throw new Error(`event handler attributes in the panel: ${handlers.join(', ')}`);
  await page.waitForTimeout(500);
  if (dialogs.length > 0) throw new Error(`a dialog opened: ${dialogs.join(' | ')}`);
  await screenshot('panel');
});
