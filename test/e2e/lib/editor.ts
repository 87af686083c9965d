import type { Locator, Page } from '../../host/lib/playwright';

/** Opens a workspace file by name through Quick Open (Ctrl+P), as a user would, and waits for its tab. */
export async function openFile(page: Page, relativePath: string): Promise<Locator> {
  const fileName = relativePath.split('/').pop() ?? relativePath;
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relativePath);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: fileName }).first().click();
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').waitFor();
  return editor;
}

/**
 * Screen point of `word` in the active editor: on the word's own characters, because a token span
 * can start with a quote or a space that lies outside the word's range.
 */
async function wordPoint(page: Page, word: string, charOffset: number): Promise<{ x: number; y: number }> {
  // The editor re-renders lines while it tokenizes a freshly opened file, detaching the spans we
  // found; measuring again a moment later gets the settled ones.
  for (let attempt = 1; ; attempt++) {
    try {
      return await measureWord(page, word, charOffset);
    } catch (err) {
      if (attempt >= 5) throw err;
      await page.waitForTimeout(200);
    }
  }
}

async function measureWord(page: Page, word: string, charOffset: number): Promise<{ x: number; y: number }> {
  const token = page.locator('.editor-group-container.active .monaco-editor .view-lines span span', { hasText: word }).first();
  await token.scrollIntoViewIfNeeded({ timeout: 5000 });
  const box = await token.boundingBox();
  const text = (await token.textContent()) ?? '';
  if (!box || text.length === 0) throw new Error(`"${word}" is not visible in the active editor`);
  const charWidth = box.width / text.length;
  return { x: box.x + (Math.max(0, text.indexOf(word)) + charOffset) * charWidth, y: box.y + box.height / 2 };
}

/** Puts the cursor inside `word` in the active editor, as a click would. */
export async function clickWord(page: Page, word: string): Promise<void> {
  const { x, y } = await wordPoint(page, word, 3);
  await page.mouse.click(x, y);
}

/**
 * Hovers `word` in the active editor and returns the hover widget once visible. The pointer moves
 * twice, because the editor ignores a pointer that appears without moving.
 */
export async function hoverWord(page: Page, word: string, opts: { expectText?: string | RegExp } = {}): Promise<Locator> {
  const hover = page.locator('.monaco-hover', opts.expectText ? { hasText: opts.expectText } : {}).first();
  // The workbench sometimes drops a hover request (a layout shift, decorations arriving): point
  // again, the way a person would, before giving up.
  for (let attempt = 1; ; attempt++) {
    const first = await wordPoint(page, word, 2);
    await page.mouse.move(first.x, first.y);
    const second = await wordPoint(page, word, 4);
    await page.mouse.move(second.x, second.y);
    try {
      await hover.waitFor({ state: 'visible', timeout: attempt < 3 ? 10_000 : 30_000 });
      return hover;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
      await page.mouse.move(1, 1);
      await page.waitForTimeout(500);
    }
  }
}
