import type { Frame, Locator } from '../../host/lib/playwright';

/**
 * Waits for an <img> to finish and returns its natural width: 0 means it failed or was blocked
 * (a CSP block or a broken URL shows nothing in the UI, only this).
 * Polled from here rather than inside the page: tsx adds helper calls to named functions, which do
 * not exist once a function is serialised into the browser.
 */
export async function imageNaturalWidth(img: Locator, timeoutMs = 10_000): Promise<number> {
  await img.waitFor({ state: 'attached', timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { complete, naturalWidth } = await img.evaluate((el: HTMLImageElement) => ({
      complete: el.complete,
      naturalWidth: el.naturalWidth,
    }));
    if (complete) return naturalWidth;
    if (Date.now() > deadline) return 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Natural width of the image matching `selector` inside a webview frame (0 when failed or blocked). */
export function frameImageNaturalWidth(frame: Frame, selector: string, timeoutMs = 10_000): Promise<number> {
  return imageNaturalWidth(frame.locator(selector).first(), timeoutMs);
}
