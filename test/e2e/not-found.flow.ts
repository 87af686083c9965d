import { openFile } from './lib/editor';
import { flow } from './lib/flow';
import { waitForNotification } from './lib/notifications';
import { runCommand, typeIntoInputBox } from './lib/palette';

export default flow('looking up an unknown ID says so in a notification', async ({ page, imageIds, screenshot }) => {
  await openFile(page, 'README.md');
  await runCommand(page, 'VOD Images: Look Up Image');
  await typeIntoInputBox(page, imageIds.missing ?? '');
  await waitForNotification(page, `Image not found: ${imageIds.missing}`);
  await screenshot('notification');
});
