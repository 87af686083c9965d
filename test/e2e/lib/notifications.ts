import type { Locator, Page } from '../../host/lib/playwright';

/** Waits for a notification toast containing `text` and returns it (settled, so screenshots show it). */
export async function waitForNotification(page: Page, text: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout: timeoutMs });
  await page.waitForTimeout(300); // toasts slide in
  return toast;
}

/** Clicks a button (e.g. "Retry", "Copy") on a notification. */
export async function clickNotificationButton(toast: Locator, label: string): Promise<void> {
  await toast.getByRole('button', { name: label }).click();
}
