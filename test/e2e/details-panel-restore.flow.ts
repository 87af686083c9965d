import { imageIdFor } from '../emulator/fixtures';
import { flow } from './lib/flow';
import { frameImageNaturalWidth } from './lib/images';
import { runCommand, typeIntoInputBox } from './lib/palette';
import { findWebviewFrame } from './lib/webview';
import { dismiss, reloadWindow } from './lib/workbench';

/** A details panel survives a window reload: the serializer brings it back with its image. */
export default flow('details panel is restored after a reload', async ({ page, screenshot }) => {
  const id = imageIdFor('cover');
  await dismiss(page);
  await runCommand(page, 'VOD Images: Open Image Details');
  await typeIntoInputBox(page, id, { expectPrompt: 'image ID' });
  await findWebviewFrame(page, 'Episode 12 cover');

  // The workbench saves its editors (and the webview's state) before the reload.
  await reloadWindow(page);
  await page.locator('.tabs-container .tab', { hasText: 'Episode 12 cover' }).waitFor({ timeout: 30_000 });
  const frame = await findWebviewFrame(page, 'Episode 12 cover', 30_000);
  const width = await frameImageNaturalWidth(frame, 'figure.preview img');
  if (width !== 320) throw new Error(`the restored panel's image did not load (naturalWidth ${width}, want 320)`);
  await screenshot('restored');
});
