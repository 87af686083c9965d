import { DEMO_CREDENTIALS } from '../emulator/credentials';
import { callApi, getUrl } from '../emulator/rawClient';
import type { Page } from '../host/lib/playwright';
import { readClipboard } from './lib/clipboard';
import { flow } from './lib/flow';
import { clickNotificationButton, waitForNotification } from './lib/notifications';
import { quickPickRow, runCommand } from './lib/palette';
import { dismiss } from './lib/workbench';

/** A real 120×80 PNG in the demo workspace (test/fixtures/demo/assets). */
const FILE = 'summer-banner.png';
/** Markup and CJK in the title: it must reach VOD as typed and show in the tree as text. */
const TITLE = 'Summer banner <b>e2e</b> 夏日';
const TAGS = 'summer, banner, e2e';
const CATEGORY = { name: 'Marketing', id: 1000002 };
/** Added to every emulator API call during the upload, so the progress notification stays up long enough to be seen. */
const API_LATENCY_MS = 800;
const SIDEBAR_ROWS = '.part.sidebar .monaco-list-row';

async function setApiLatency(emulatorEndpoint: string, latencyMs: number): Promise<void> {
  const res = await getUrl(`${emulatorEndpoint}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ latencyMs }) });
  if (res.status !== 200) throw new Error(`the emulator refused the fault plan: HTTP ${res.status} ${res.text()}`);
}

/** The quick input's text box once its prompt shows `prompt`. */
async function inputWithPrompt(page: Page, prompt: string | RegExp) {
  const widget = page.locator('.quick-input-widget');
  await widget.getByText(prompt).first().waitFor();
  return widget.locator('input');
}

/** Shows the VOD Images view; clicking its activity bar icon when it is already shown would hide it. */
async function openVodView(page: Page): Promise<void> {
  const title = page.locator('.part.sidebar .composite.title', { hasText: /VOD Images/i });
  if (await title.isVisible()) return;
  await page.locator('.activitybar .action-item a[aria-label^="VOD Images"]').click();
  await title.waitFor();
}

/**
 * Polls until the Recent group, expanded, lists `text` among its own rows (not the Library's or
 * This Workspace's). Every round reads the rows afresh: the tree refreshes in several passes.
 */
async function waitForRecentChild(page: Page, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const list = (
      await page.locator(SIDEBAR_ROWS).evaluateAll((elements) =>
        elements.map((e) => ({
          index: Number(e.getAttribute('data-index')),
          level: e.getAttribute('aria-level'),
          expanded: e.getAttribute('aria-expanded'),
          text: (e.textContent ?? '').trim(),
        })),
      )
    ).sort((a, b) => a.index - b.index);
    last = list.map((r) => `${r.index}:${r.level}:${r.expanded ?? '-'}:${r.text}`).join(' | ');
    const at = list.findIndex((r) => r.level === '1' && /^Recent/.test(r.text));
    const header = list[at];
    if (header && header.expanded !== 'true') {
      await page.locator(`${SIDEBAR_ROWS}[aria-level="1"]`, { hasText: /^\s*Recent/ }).first().click().catch(() => undefined);
    } else if (header) {
      for (let i = at + 1; i < list.length; i++) {
        const row = list[i]!;
        if (row.level === '1' || row.index !== header.index + (i - at)) break;
        if (row.level === '2' && row.text.includes(text)) return;
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`the Recent group did not list "${text}" within ${timeoutMs} ms; rows: ${last}`);
}

/**
 * Upload the way a user does: right-click a PNG in the file Explorer, "Upload Images to VOD…", answer the
 * title, tags and category inputs, watch the progress, then "Copy ID". The copied ID is the new
 * image's, VOD holds what was typed, and the VOD Images view's Recent group shows the title.
 */
export default flow('upload an image from the Explorer context menu and copy its new ID', async ({ page, emulatorEndpoint, screenshot }) => {
  await dismiss(page);
  await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));
  await runCommand(page, 'View: Show Explorer');
  const files = page.locator('.explorer-folders-view .monaco-list-row');
  const folder = files.filter({ hasText: /^\s*assets\s*$/ }).first();
  await folder.waitFor();
  if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
  const png = files.filter({ hasText: FILE }).first();
  await png.click({ button: 'right' });
  const menu = page.locator('.monaco-menu');
  await menu.locator('.action-item', { hasText: 'Upload Images to VOD…' }).waitFor();
  await screenshot('context-menu');
  await menu.locator('.action-item', { hasText: 'Upload Images to VOD…' }).click();

  const title = await inputWithPrompt(page, /^Title \(at most 128 bytes/);
  const offered = await title.inputValue();
  if (offered !== 'summer-banner') throw new Error(`the title offered is "${offered}", not the file name`);
  await title.fill(TITLE);
  await title.press('Enter');
  const tags = await inputWithPrompt(page, /^Tags, comma-separated/);
  await tags.fill(TAGS);
  await tags.press('Enter');
  await quickPickRow(page, CATEGORY.name).waitFor();
  await screenshot('category');

  await setApiLatency(emulatorEndpoint, API_LATENCY_MS);
  let imageId: string;
  try {
    await quickPickRow(page, CATEGORY.name).click();
    // The progress names the file once the bytes start going out ("summer-banner.png — 656 B of 656 B"), then "processing…".
    await waitForNotification(page, 'Uploading to VOD');
    const progress = page.locator('.notifications-toasts .notification-toast', { hasText: 'Uploading to VOD' }).filter({ hasText: `${FILE} — ` });
    await progress.first().waitFor({ timeout: 30_000 });
    await screenshot('progress');

    const done = await waitForNotification(page, `Uploaded ${FILE}: image ID`, 60_000);
    const doneText = await done.innerText();
    const found = /image ID ([0-9a-f]{32})\b/.exec(doneText);
    if (!found) throw new Error(`the completion notification names no image ID: ${doneText}`);
    imageId = found[1]!;
    await screenshot('uploaded');
    await clickNotificationButton(done, 'Copy ID');
  } finally {
    await setApiLatency(emulatorEndpoint, 0);
  }

  const deadline = Date.now() + 10_000;
  let copied = await readClipboard(page);
  while (copied !== imageId && Date.now() < deadline) {
    await page.waitForTimeout(100);
    copied = await readClipboard(page);
  }
  if (copied !== imageId) throw new Error(`the clipboard holds "${copied}", not the new ID ${imageId}`);

  // What VOD itself now holds, asked with the SDK's signing rather than the extension's.
  const info = (await callApi(emulatorEndpoint, 'GetImageInfo', { ImageId: imageId }, { credentials: DEMO_CREDENTIALS })).json();
  const image = info['ImageInfo'] as Record<string, unknown> | undefined;
  const facts = JSON.stringify({ title: image?.['Title'], tags: image?.['Tags'], cateId: image?.['CateId'], status: image?.['Status'] });
  const wanted = JSON.stringify({ title: TITLE, tags: 'summer,banner,e2e', cateId: CATEGORY.id, status: 'Normal' });
  if (facts !== wanted) throw new Error(`VOD holds ${facts} for ${imageId}, not ${wanted}`);

  await openVodView(page);
  await waitForRecentChild(page, TITLE, 30_000);
  if ((await page.locator(`${SIDEBAR_ROWS} b`, { hasText: 'e2e' }).count()) !== 0) throw new Error('the title was rendered as HTML in the tree');
  await page.waitForTimeout(300);
  await screenshot('recent');
});
