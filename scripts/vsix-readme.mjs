// The README the VSIX ships. The editor's extension page renders it in a webview whose policy allows
// images from https: and data: only, and it does not resolve relative links against the installed
// extension: a packaged `media/readme/hover.webp` never shows. An https URL needs a web host, which an
// editor offline (or behind a firewall) cannot reach. So the packaged README carries its screenshots
// inline, as data: URLs, while the repository's README keeps ordinary relative links.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const MIME = { '.webp': 'image/webp', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

/**
 * Screenshots under this folder stay in the repository's README only: inline they would push the VSIX over
 * its 300 KB budget. Their lines are left out of the packaged README.
 */
const REPO_ONLY = 'media/readme/repo-only/';

/**
 * Parts of the README for people working on a clone (the fresh-machine commands, the command line run from
 * the build, the emulator, development) sit between these comments, on lines of their own. The installed
 * extension's page has no use for them, and the VSIX budget has no room for them.
 */
const REPO_ONLY_START = '<!-- repo-only -->';
const REPO_ONLY_END = '<!-- /repo-only -->';

/** The README the VSIX ships: repository-only parts left out, screenshots inline. */
export function packagedReadme(markdown, root) {
  return inlineReadmeImages(withoutRepoOnlyParts(markdown), root);
}

/** The markdown without its repository-only parts; unbalanced markers are an error, not a silent cut. */
export function withoutRepoOnlyParts(markdown) {
  const kept = [];
  let inside = false;
  for (const line of markdown.split('\n')) {
    const marker = line.trim();
    if (marker === REPO_ONLY_START || marker === REPO_ONLY_END) {
      if (inside === (marker === REPO_ONLY_START)) throw new Error(`README: ${marker} ${inside ? 'inside another repository-only part' : 'without its start'}`);
      inside = !inside;
      continue;
    }
    if (!inside) kept.push(line);
  }
  if (inside) throw new Error(`README: a repository-only part is not closed with ${REPO_ONLY_END}`);
  return kept.join('\n');
}

/** Markdown image links `![alt](relative/path)` replaced by data: URLs of the files under `root`. */
export function inlineReadmeImages(markdown, root) {
  const packaged = markdown
    .split('\n')
    .filter((line) => !line.includes(`](${REPO_ONLY}`))
    .join('\n');
  return packaged.replace(/(!\[[^\]]*\]\()([^)\s]+)(\))/g, (all, open, link, close) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return all; // already absolute (https:, data:)
    const mime = MIME[path.extname(link).toLowerCase()];
    if (!mime) throw new Error(`README image ${link}: no MIME type known for it`);
    const bytes = readFileSync(path.join(root, link));
    return `${open}data:${mime};base64,${bytes.toString('base64')}${close}`;
  });
}
