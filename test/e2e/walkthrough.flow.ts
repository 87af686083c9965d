import { imageIdFor } from '../emulator/fixtures';
import { hoverWord, openFile } from './lib/editor';
import { flow } from './lib/flow';
import { quickPickRow, runCommand } from './lib/palette';
import { dismiss } from './lib/workbench';

const WALKTHROUGH = 'Get Started with VOD Image Inspector';
const STEPS = ['signIn', 'hover', 'explorer', 'signedUrl'] as const;

/** The getting-started walkthrough: each step is checked off by doing it (its completion event). */
export default flow('the walkthrough checks off sign-in, hover, explorer and signed URL as the user does them', async ({ page, screenshot }) => {
  const done = (step: string) => page.locator(`[data-done-step-id$="#${step}"][aria-checked="true"]`).first();
  const openWalkthrough = async (): Promise<void> => {
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await quickPickRow(page, WALKTHROUGH).click();
    await page.locator('.gettingStartedContainer', { hasText: WALKTHROUGH }).first().waitFor();
  };

  await openWalkthrough();
  await page.waitForTimeout(300);
  await screenshot('start');

  // Sign in: starting the sign-in completes the step (cancelling it here keeps the shared host clean).
  await runCommand(page, 'VOD Images: Sign In');
  await quickPickRow(page, 'Enter an AccessKey').waitFor();
  await dismiss(page);

  // Hover an ID.
  const id = imageIdFor('red-sneaker');
  await openFile(page, 'products.json');
  await hoverWord(page, id, { expectText: 'Product shot: red sneaker' });
  await dismiss(page);

  // Open the explorer.
  await page.locator('.activitybar .action-item a[aria-label^="VOD Images"]').click();
  await page.locator('.monaco-list-row', { hasText: 'This Workspace' }).first().waitFor();

  // Copy a signed URL: the command asks which image; the step is done once it ran.
  await runCommand(page, 'VOD Images: Copy Signed URL');
  await page.locator('.quick-input-widget').getByText(/image ID/).first().waitFor();
  await dismiss(page);

  await openWalkthrough();
  for (const step of STEPS) await done(step).waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300);
  await screenshot('done');
});
