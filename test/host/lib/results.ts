import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { Page } from './playwright';
import { RESULTS_DIR } from './paths';

/** Counts in the one closing-line format every stage prints and scripts/test-all.mjs reads. */
export function summaryLine(passed: number, failed: number): string {
  return `${passed} passed, ${failed} failed`;
}

/** Saves a full-page screenshot under test-results/<group>/<name>.png and returns its path. */
export async function screenshot(page: Page, group: string, name: string): Promise<string> {
  const dir = path.join(RESULTS_DIR, group);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
