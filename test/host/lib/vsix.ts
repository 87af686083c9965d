import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './paths';
import { runCommand } from './processes';

/**
 * Packages the extension as a user would get it (dist/ must be built). `--no-dependencies` because
 * the bundle already contains them; `--allow-missing-repository` so vsce never stops to ask;
 * `--no-rewrite-relative-links` because without a repository URL vsce refuses README images.
 */
export async function packageVsix(outFile: string): Promise<string> {
  if (!existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first');
  }
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  await runCommand(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', outFile], { cwd: ROOT });
  return outFile;
}
