import type { Page } from '../../host/lib/playwright';

/**
 * Reads the browser clipboard, which is where `vscode.env.clipboard` writes in this host. Works
 * because the runner grants clipboard permissions; without them the read never settles.
 */
export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}
