/**
 * What the VSIX ships and how the Marketplace and the editor's extension page present it: checked on
 * the manifest and on vsce's own list of packaged files (the same code `vsce package` runs).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & {
  icon: string;
  galleryBanner?: { color?: string; theme?: string };
  categories: string[];
  keywords: string[];
  scripts: Record<string, string>;
  vsce?: Record<string, unknown>;
};
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

// The Marketplace's fixed list (https://code.visualstudio.com/api/references/extension-manifest).
const MARKETPLACE_CATEGORIES = new Set([
  'AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps',
  'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers',
  'Snippets', 'Testing', 'Themes', 'Visualization',
]);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function readmeImages(): string[] {
  const markdown = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
  const html = [...readme.matchAll(/<img[^>]+src=["']([^"']+)["']/g)].map((m) => m[1] ?? '');
  return [...markdown, ...html];
}

async function packagedFiles(): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- vsce ships CommonJS without types for this entry
  const vsce = require('@vscode/vsce') as { listFiles(o: { cwd: string; packageManager: string; readmePath: string }): Promise<string[]> };
  // The README option scripts/package.mjs gives vsce.
  const files = await vsce.listFiles({ cwd: ROOT, packageManager: 'none', readmePath: 'dist/README.vsix.md' });
  return files.map((f) => f.split(path.sep).join('/'));
}

describe('packaging', () => {
  it('has a 256×256 PNG icon drawn from the SVG in media/', () => {
    assert.match(manifest.icon, /^media\/.+\.png$/);
    assert.deepEqual(pngSize(path.join(ROOT, manifest.icon)), { width: 256, height: 256 });
    assert.ok(readFileSync(path.join(ROOT, 'media', 'icon.svg'), 'utf8').includes('<svg'));
  });

  it('has a gallery banner, Marketplace categories and the keywords VOD users search for', () => {
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme ?? ''));
    for (const c of manifest.categories) assert.ok(MARKETPLACE_CATEGORIES.has(c), `${c} is not a Marketplace category`);
    for (const k of ['alibaba cloud', 'aliyun', 'vod', 'apsaravideo', '阿里云', '视频点播']) assert.ok(manifest.keywords.includes(k), k);
    assert.ok(manifest.keywords.length <= 30, 'the Marketplace keeps at most 30 keywords');
  });

  it('invents no addresses: no bugs, homepage or repository URL until there is a real one', () => {
    for (const key of ['bugs', 'homepage', 'repository']) assert.equal(manifest[key], undefined, key);
  });

  it('builds before packaging, so a plain `vsce package` on a clean clone has dist/ to ship', () => {
    assert.match(manifest.scripts['vscode:prepublish'] ?? '', /scripts\/build\.mjs/);
    assert.equal(manifest.vsce?.dependencies, false, 'the bundle holds the dependencies');
    assert.equal(manifest.vsce?.allowMissingRepository, true, 'vsce would stop to ask');
    assert.match(manifest.scripts.package ?? '', /scripts\/package\.mjs/);
  });

  it('ships every README image inline (but the repository-only ones), so the extension page shows it offline', async () => {
    const all = readmeImages();
    // Screenshots the VSIX budget has no room for: in the repository's README only, and not in the package.
    const repoOnly = all.filter((image) => image.startsWith('media/readme/repo-only/'));
    const images = all.filter((image) => !repoOnly.includes(image));
    assert.ok(images.length >= 3, 'the README shows screenshots');
    const { packagedReadme } = await import('../../scripts/vsix-readme.mjs');
    const packaged = packagedReadme(readme, ROOT);
    for (const image of repoOnly) assert.ok(!packaged.includes(image), `${image} is left out of the packaged README`);
    for (const image of images) {
      assert.doesNotMatch(image, /^[a-z]+:/i, `${image}: the repository's README links its images relatively`);
      assert.doesNotMatch(image, /\.svg$/i, 'vsce refuses SVG images in a README');
      const bytes = readFileSync(path.join(ROOT, image));
      assert.ok(packaged.includes(`data:image/webp;base64,${bytes.toString('base64')})`), `${image} is not inline in the packaged README`);
    }
    assert.doesNotMatch(packaged, /!\[[^\]]*\]\((?!data:|https:)/, 'an image the extension page cannot load');
    const shipped = new Set(await packagedFiles());
    assert.ok(shipped.has(manifest.icon), 'the icon is packaged');
    assert.ok(!shipped.has('README.md'), 'the packaged README is the inline copy, not this one');
  });

  it('leaves the README\'s repository-only parts (clone, build, emulator, development) out of the packaged copy', async () => {
    const { packagedReadme, withoutRepoOnlyParts } = await import('../../scripts/vsix-readme.mjs');
    const packaged = packagedReadme(readme, ROOT);
    for (const gone of ['npm ci && npm test', '## The `vodimg` command line', '## The local VOD emulator', '## Development', 'repo-only']) {
      assert.ok(readme.includes(gone), `the repository's README has ${gone}`);
      assert.ok(!packaged.includes(gone), `${gone} is left out of the packaged README`);
    }
    for (const kept of ['## Install', '## Features', '## Settings', '| `vodImages.scan.maxFileSize` |']) assert.ok(packaged.includes(kept), `${kept} is packaged`);
    assert.equal(withoutRepoOnlyParts('a\n<!-- repo-only -->\nb\n  <!-- /repo-only -->  \nc'), 'a\nc');
    assert.throws(() => withoutRepoOnlyParts('a\n<!-- repo-only -->\nb'), /not closed/);
    assert.throws(() => withoutRepoOnlyParts('a\n<!-- /repo-only -->\nb'), /without its start/);
    assert.throws(() => withoutRepoOnlyParts('<!-- repo-only -->\n<!-- repo-only -->\n<!-- /repo-only -->'), /inside another/);
  });

  it('ships only what the installed extension runs', async () => {
    const shipped = await packagedFiles();
    const unexpected = shipped.filter((f) => /(^|\/)(src|test|scripts|node_modules|docs)\/|\.map$|\.ts$|\.vsix$/.test(f));
    assert.deepEqual(unexpected, []);
  });

  it('keeps the two fresh-machine commands on the README\'s first screen', () => {
    const firstScreen = readme.split('\n').slice(0, 20).join('\n');
    assert.ok(firstScreen.includes('npm ci && npm run demo'), 'demo command');
    assert.ok(firstScreen.includes('npm ci && npm test'), 'test command');
  });
});
