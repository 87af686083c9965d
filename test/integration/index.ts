/**
 * Entry point the extension host loads (`extensionTestsPath`): runs every *.test.js bundled next to it
 * with mocha (bdd). Used by both hosts: code-server (test/host/run-integration.ts) and desktop VS Code
 * (test/host/desktop.ts). To add tests, drop a `*.test.ts` file in this folder.
 * It reads the folder of the bundle it ends up in (`__dirname`), so test/integration-untrusted/
 * re-exports it and runs its own tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'spec' });
  const grep = process.env.VOD_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passes = runner.stats?.passes ?? 0;
      const pending = runner.stats?.pending ?? 0;
      console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
      // The host runner reads this file: an exit code alone cannot tell "all passed" from "ran nothing".
      const resultFile = process.env.VOD_TEST_RESULT_FILE;
      if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ passes, failures, pending }));
      if (failures > 0) reject(new Error(`${failures} tests failed`));
      else if (passes === 0) reject(new Error('no test ran'));
      else resolve();
    });
  });
}
