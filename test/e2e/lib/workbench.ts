import type { Page } from '../../host/lib/playwright';

/**
 * The sign that the extension has activated: any status bar item it created (VS Code gives each the
 * DOM id `<publisher>.<name>.<item id>`). Keep one status bar item in the extension for this to hold.
 */
export const ACTIVATION_MARKER = '.part.statusbar .statusbar-item[id^="vod-image-inspector.vod-image-inspector."]';

/** Loads the workbench and waits until the editor is usable and the extension is active. */
export async function openWorkbench(page: Page, url: string, timeoutMs = 60_000): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
  await waitForActivation(page, timeoutMs);
}

export async function waitForActivation(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.locator(ACTIVATION_MARKER).first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Closes whatever quick input, hover or toast is in the way, so the next step starts clean. */
export async function dismiss(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
}
