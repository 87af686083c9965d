import { imageIdFor } from '../emulator/fixtures';
import type { Page } from '../host/lib/playwright';
import { flow } from './lib/flow';
import { runCommand, typeIntoInputBox, closeAllEditors } from './lib/palette';
import { dismiss, reloadWindow } from './lib/workbench';

const TITLE = 'Brown leather bag';
const SIDEBAR_ROWS = '.part.sidebar .monaco-list-row';

interface RowSnapshot {
  readonly index: number;
  readonly level: string | null;
  readonly expanded: string | null;
  readonly text: string;
}

/** Shows the VOD Images view; clicking its activity bar icon when it is already shown would hide it. */
async function openView(page: Page): Promise<void> {
  const title = page.locator('.part.sidebar .composite.title', { hasText: /VOD Images/i });
  if (await title.isVisible()) return;
  await page.locator('.activitybar .action-item a[aria-label^="VOD Images"]').click();
  await title.waitFor();
}

/** The tree's rendered rows in list order (the DOM order is not the list order). */
async function rows(page: Page): Promise<RowSnapshot[]> {
  const found = await page.locator(SIDEBAR_ROWS).evaluateAll((elements) =>
    elements.map((e) => ({
      index: Number(e.getAttribute('data-index')),
      level: e.getAttribute('aria-level'),
      expanded: e.getAttribute('aria-expanded'),
      text: (e.textContent ?? '').trim(),
    })),
  );
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Polls until the Pinned group, expanded, lists `title` among its children. The tree fills in
 * several passes after a reload (groups appear, rows resolve, the scan adds This Workspace), so
 * every round reads the rows afresh: nothing read once is trusted later. A collapsed Pinned group
 * is expanded; a group scrolled out of the rendered range is brought back by collapsing all.
 */
async function waitForPinnedChild(page: Page, title: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let lastCollapse = 0;
  while (Date.now() < deadline) {
    const list = await rows(page);
    last = list.map((r) => `${r.index}:${r.level}:${r.expanded ?? '-'}:${r.text}`).join(' | ');
    const at = list.findIndex((r) => r.level === '1' && r.text.startsWith('Pinned'));
    const header = list[at];
    if (!header) {
      const collapse = page.locator('.part.sidebar a.action-label[aria-label^="Collapse All"]').first();
      if (Date.now() - lastCollapse > 2000 && (await collapse.isVisible())) {
        lastCollapse = Date.now();
        await collapse.click().catch(() => undefined);
      }
    } else if (header.expanded !== 'true') {
      await page
        .locator(`${SIDEBAR_ROWS}[aria-level="1"]`, { hasText: /^\s*Pinned/ })
        .first()
        .click()
        .catch(() => undefined);
    } else {
      const children: RowSnapshot[] = [];
      for (let i = at + 1; i < list.length; i++) {
        const row = list[i]!;
        // Stop at the next group, or at a gap in the rendered range.
        if (row.level === '1' || row.index !== header.index + children.length + 1) break;
        if (row.level === '2') children.push(row);
      }
      if (children.some((c) => c.text.includes(title))) return;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`the Pinned group did not list "${title}" within ${timeoutMs} ms; rows: ${last}`);
}

async function pinnedGroupGone(page: Page, timeoutMs: number): Promise<void> {
  await page.locator(`${SIDEBAR_ROWS}[aria-level="1"]`, { hasText: /^\s*Pinned/ }).waitFor({ state: 'detached', timeout: timeoutMs });
}

/** Runs Pin/Unpin from the palette with no editor open, so the command asks for the ID. */
async function setPinned(page: Page, pin: boolean, imageId: string): Promise<void> {
  await runCommand(page, `VOD Images: ${pin ? 'Pin' : 'Unpin'} Image`);
  await typeIntoInputBox(page, imageId, { expectPrompt: 'image ID' });
}

/**
 * Pin an image, reload the window: the Pinned group still lists it. Unpins at the end, whatever
 * happened, because every flow of one run shares the same global state.
 */
export default flow('a pinned image stays pinned across a window reload', async ({ page, screenshot }) => {
  const id = imageIdFor('leather-bag');
  await dismiss(page);
  // No editor: the cursor must not sit on some other ID, and nothing is restored after the reload.
  await closeAllEditors(page);
  await openView(page);
  await setPinned(page, true, id);
  let failed = false;
  try {
    await waitForPinnedChild(page, TITLE, 30_000);

    await reloadWindow(page);
    await openView(page);
    await waitForPinnedChild(page, TITLE, 45_000);
    await page.waitForTimeout(300);
    await screenshot('pinned-after-reload');
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    try {
      await dismiss(page);
      await openView(page);
      await setPinned(page, false, id);
      await pinnedGroupGone(page, 15_000);
    } catch (error) {
      // A cleanup failure must not hide the failure that caused it.
      if (!failed) throw error;
    }
  }
});
