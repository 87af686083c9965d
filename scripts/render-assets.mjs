// Renders the packaged images the Marketplace page and the editor's extension page show:
//   media/icon.png          256×256, from media/icon.svg
//   media/readme/*.webp     the README's screenshots: cropped, scaled and WebP-encoded from the
//                           browser tests' full-window screenshots (test-results/e2e/, after `npm test`
//                           or `npm run test:e2e`), so they are small enough to ship inside the VSIX.
// Uses the test host's Chromium (playwright-core in test/host): run `npm run test:host:install` first.
//
//   node scripts/render-assets.mjs [--icon] [--readme]   (both when neither is given)
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requireFromHost = createRequire(path.join(ROOT, 'test', 'host', 'package.json'));
const { chromium } = requireFromHost('playwright-core');

/** Source screenshot (1400×900), the region worth showing, and the width it is scaled to. */
const README_SHOTS = [
  { name: 'hover', source: 'test-results/e2e/hover-thumbnail-hover.png', crop: { x: 345, y: 60, w: 900, h: 470 }, width: 560 },
  { name: 'panel', source: 'test-results/e2e/details-panel-panel.png', crop: { x: 870, y: 36, w: 530, h: 840 }, width: 380 },
  { name: 'explorer', source: 'test-results/e2e/explorer-workspace.png', crop: { x: 0, y: 36, w: 1000, h: 620 }, width: 560 },
  // In the repository's README only (media/readme/repo-only/): the VSIX budget has no room for them.
  { name: 'repo-only/upload-menu', source: 'test-results/e2e/upload-from-explorer-context-menu.png', crop: { x: 40, y: 80, w: 520, h: 470 }, width: 416 },
  { name: 'repo-only/upload-done', source: 'test-results/e2e/upload-from-explorer-uploaded.png', crop: { x: 940, y: 765, w: 455, h: 112 }, width: 455 },
];
const WEBP_QUALITY = 0.5;

async function withPage(fn) {
  const browser = await chromium.launch({
    executablePath: execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    return await fn(await browser.newPage());
  } finally {
    await browser.close();
  }
}

async function renderIcon(page) {
  const svg = await readFile(path.join(ROOT, 'media', 'icon.svg'), 'utf8');
  await page.setViewportSize({ width: 256, height: 256 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const out = path.join(ROOT, 'media', 'icon.png');
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  return out;
}

async function renderShot(page, shot) {
  const png = await readFile(path.join(ROOT, shot.source));
  const height = Math.round((shot.crop.h * shot.width) / shot.crop.w);
  const dataUrl = await page.evaluate(
    async ({ src, crop, width, height, quality }) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d');
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(img, crop.x, crop.y, crop.w, crop.h, 0, 0, width, height);
      return canvas.toDataURL('image/webp', quality);
    },
    { src: `data:image/png;base64,${png.toString('base64')}`, crop: shot.crop, width: shot.width, height, quality: WEBP_QUALITY },
  );
  const out = path.join(ROOT, 'media', 'readme', `${shot.name}.webp`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  return out;
}

const args = process.argv.slice(2);
const all = !args.includes('--icon') && !args.includes('--readme');
await withPage(async (page) => {
  const written = [];
  if (all || args.includes('--icon')) written.push(await renderIcon(page));
  if (all || args.includes('--readme')) for (const shot of README_SHOTS) written.push(await renderShot(page, shot));
  for (const file of written) console.log(`${path.relative(ROOT, file)}  ${(await stat(file)).size} bytes`);
});
