import * as path from 'node:path';
import { ROOT } from './paths';
import { runCommand } from './processes';

/**
 * Packages the extension as a user gets it, with the same command a user runs (`npm run package`:
 * build, then vsce with the project's packaging options and size budget).
 */
export async function packageVsix(outFile: string): Promise<string> {
  await runCommand(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), '--out', outFile], { cwd: ROOT });
  return outFile;
}
