import * as assert from 'node:assert/strict';
import { openFile } from './lib/editor';
import { flow } from './lib/flow';
import { frameImageNaturalWidth } from './lib/images';
import { runCommand, typeIntoInputBox } from './lib/palette';
import { findWebviewFrame } from './lib/webview';

// "Newsletter header 1" in the emulator; README.md suggests looking it up.
const NEWSLETTER_HEADER = '2555a322829635f58a5e691491563c07';

export default flow('looking up a typed ID opens its details panel with the image', async ({ page, screenshot }) => {
  await openFile(page, 'README.md'); // the cursor starts on the heading: no ID there, so the command asks
  await runCommand(page, 'VOD Images: Look Up Image');
  await typeIntoInputBox(page, NEWSLETTER_HEADER, { expectPrompt: 'Enter an ApsaraVideo VOD image ID' });
  const panel = await findWebviewFrame(page, 'Newsletter header 1');
  const width = await frameImageNaturalWidth(panel, 'figure.preview img');
  await screenshot('details-panel');
  assert.ok(width > 0, 'the image in the details panel did not load');
});
