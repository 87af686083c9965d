import { imageIdFor } from '../emulator/fixtures';
import { flow } from './lib/flow';
import { runCommand, typeIntoInputBox, closeAllEditors } from './lib/palette';
import { findWebviewFrame } from './lib/webview';

/**
 * The details panel's inline edit form, typed into in the browser: a title over VOD's 128-byte limit
 * is refused in the page; a valid edit is saved, and the reloaded panel shows the new title as text.
 */
export default flow('details panel edit form saves a new title and refuses one over the limit', async ({ page, screenshot }) => {
  const id = imageIdFor('portrait');
  await closeAllEditors(page);
  await runCommand(page, 'VOD Images: Open Image Details');
  await typeIntoInputBox(page, id, { expectPrompt: /image ID/ });
  const frame = await findWebviewFrame(page, 'Portrait — studio test');

  await frame.locator('button[data-edit="open"]').click();
  const title = frame.locator('#edit-title');
  await title.waitFor({ state: 'visible' });
  await title.fill('图'.repeat(43));
  await frame.locator('#edit-form button[type="submit"]').click();
  await frame.locator('#edit-error', { hasText: '128 bytes' }).waitFor();
  await screenshot('refused');

  await title.fill('');
  await title.pressSequentially('Portrait <b>edited</b> 编辑');
  await frame.locator('#edit-tags').fill('portrait, studio, e2e');
  await frame.locator('#edit-form button[type="submit"]').click();

  const reloaded = await findWebviewFrame(page, 'Portrait <b>edited</b> 编辑');
  await reloaded.locator('#notice', { hasText: 'Saved.' }).waitFor();
  const chips = await reloaded.locator('li.chip').allTextContents();
  if (chips.join(',') !== 'portrait,studio,e2e') throw new Error(`the tags shown after saving are ${chips.join(',')}`);
  if ((await reloaded.locator('h1.title b').count()) !== 0) throw new Error('the title was rendered as HTML');
  await screenshot('saved');
});
