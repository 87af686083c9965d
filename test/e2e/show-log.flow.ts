import { openFile } from './lib/editor';
import { flow } from './lib/flow';
import { waitForOutput } from './lib/panel';
import { runCommand } from './lib/palette';

export default flow('opens the log from the command palette', async ({ page, screenshot }) => {
  await openFile(page, 'products.json');
  await runCommand(page, 'VOD Images: Show Log');
  await waitForOutput(page, 'VOD Images');
  await screenshot('output');
});
