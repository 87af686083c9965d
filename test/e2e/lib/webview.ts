import type { Frame, Page } from '../../host/lib/playwright';

/**
 * Finds the frame holding a webview's content by text it shows. Webview content sits two iframes
 * deep (index.html > fake.html) with generated ids, so matching on content is the stable way.
 */
export async function findWebviewFrame(page: Page, text: string, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const found = await frame
        .evaluate((t: string) => document.body?.innerText.includes(t) ?? false, text)
        .catch(() => false);
      if (found) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview shows "${text}" after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
