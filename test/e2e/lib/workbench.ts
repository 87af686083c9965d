import type { Page } from '../../host/lib/playwright';
import { runCommand } from './palette';
import { waitForOutput } from './panel';

/**
 * The extension's status bar entry (VS Code gives each the DOM id `<publisher>.<name>.<item id>`).
 * It shows only in windows that use VOD (a stored profile, or an ID seen in the workspace), so it is
 * no longer a sign of activation by itself: see {@link waitForActivation}.
 */
export const ACTIVATION_MARKER = '.part.statusbar .statusbar-item[id^="vod-image-inspector.vod-image-inspector."]';

/** Loads the workbench and waits until the editor is usable and the extension is active. */
export async function openWorkbench(page: Page, url: string, timeoutMs = 60_000): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
  await waitForActivation(page, timeoutMs);
}

/**
 * Waits for the extension: its status bar entry when the window shows one; otherwise runs one of its
 * commands ("Show Log": it needs the extension active, and the log channel it opens is created at
 * activation) and hides the panel again, so every flow starts from the same quiet workbench.
 */
export async function waitForActivation(page: Page, timeoutMs = 30_000): Promise<void> {
  const marker = page.locator(ACTIVATION_MARKER).first();
  try {
    await marker.waitFor({ state: 'visible', timeout: Math.min(timeoutMs, 8_000) });
    return;
  } catch {
    // A quiet window: prove activation through a command instead.
  }
  await page.locator('.part.statusbar').waitFor({ timeout: timeoutMs });
  await runCommand(page, 'VOD Images: Show Log');
  await waitForOutput(page, 'VOD Images', undefined, timeoutMs);
  await runCommand(page, 'View: Hide Panel');
  await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: timeoutMs });
}

/**
 * Reloads the window the way a user does (Developer: Reload Window), after giving the workbench a moment
 * to save its editors and state, and waits until the extension is active again.
 */
export async function reloadWindow(page: Page): Promise<void> {
  await page.waitForTimeout(1000);
  const navigated = page.waitForNavigation({ timeout: 60_000 });
  await runCommand(page, 'Developer: Reload Window');
  await navigated;
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await waitForActivation(page);
}

/** Closes whatever quick input, hover or toast is in the way, so the next step starts clean. */
export async function dismiss(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
}
