/**
 * Entry point of the suite that runs in a multi-root workspace whose second folder is nested in the
 * first: `tsx test/host/run-integration.ts --multi-root` opens it and loads this file as
 * `extensionTestsPath`. The runner is the main suite's own (it runs the *.test.js bundled here).
 */
export { run } from '../integration/index';
