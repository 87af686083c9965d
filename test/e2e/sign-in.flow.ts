import { DEMO_CREDENTIALS } from '../emulator/credentials';
import { flow } from './lib/flow';
import { waitForNotification } from './lib/notifications';
import { quickPickRow, runCommand, typeIntoInputBox } from './lib/palette';
import { dismiss } from './lib/workbench';

const PROFILE = 'e2e-typed';
const STATUS = '.part.statusbar .statusbar-item[id$=".vodImages.status"]';

export default flow('signs in by typing into the input boxes, then signs out', async ({ page, screenshot }) => {
  await runCommand(page, 'VOD Images: Sign In');
  try {
    // The host has credentials in its environment, so the flow first offers to import them.
    await quickPickRow(page, 'Enter an AccessKey').waitFor();
    await screenshot('source');
    await typeIntoInputBox(page, 'Enter an AccessKey');
    await typeIntoInputBox(page, PROFILE, { expectPrompt: /Profile name/ });
    // One multi-step input: Back returns to the profile name, which keeps what was typed.
    const widget = await typeIntoInputBox(page, 'LTAI-typed-then-back', { expectPrompt: /AccessKey ID/, submit: false });
    await widget.locator('.codicon-quick-input-back').first().click();
    await widget.getByText(/Profile name/).first().waitFor();
    const kept = await widget.locator('input').inputValue();
    if (kept !== PROFILE) throw new Error(`Back lost the profile name: "${kept}"`);
    await screenshot('back');
    await widget.locator('input').press('Enter');
    await typeIntoInputBox(page, DEMO_CREDENTIALS.accessKeyId, { expectPrompt: /AccessKey ID/ });
    const secretBox = await typeIntoInputBox(page, DEMO_CREDENTIALS.accessKeySecret, { expectPrompt: /AccessKey secret/, submit: false });
    if ((await secretBox.locator('input').getAttribute('type')) !== 'password') throw new Error('the secret box is not a password box');
    await screenshot('secret');
    await secretBox.locator('input').press('Enter');
    await typeIntoInputBox(page, '', { expectPrompt: /STS security token/ });
    await quickPickRow(page, 'cn-shanghai').waitFor();
    await typeIntoInputBox(page, 'cn-shanghai');

    await waitForNotification(page, `Signed in to ApsaraVideo VOD as "${PROFILE}"`);
    await page.locator(STATUS, { hasText: `${PROFILE} · cn-shanghai` }).waitFor();
    await screenshot('signed-in');
    const text = await page.locator('body').innerText();
    if (text.includes(DEMO_CREDENTIALS.accessKeySecret)) throw new Error('the secret is visible on the page');
  } finally {
    // The profile list lives on the server (shared by later flows): always leave it as found.
    await dismiss(page);
    await runCommand(page, 'VOD Images: Sign Out');
  }
  // Deleting stored secrets asks first, in a modal dialog.
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.getByText(`Sign out of "${PROFILE}"?`).waitFor();
  await screenshot('confirm-sign-out');
  await dialog.locator('.monaco-button', { hasText: /^Sign Out$/ }).click();
  await waitForNotification(page, `Signed out of "${PROFILE}"`);
  // With no stored profile left the entry shows the environment credentials, or is hidden when this
  // workspace has shown no image ID yet (the window does not use VOD).
  await page.locator(STATUS, { hasText: PROFILE }).waitFor({ state: 'detached' });
});
