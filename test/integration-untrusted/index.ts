/**
 * Entry point of the suite that runs in an untrusted workspace (Restricted Mode):
 * `tsx test/host/run-integration.ts --untrusted` opens the folder untrusted and loads this file as
 * `extensionTestsPath`. The runner is the main suite's own: it runs every *.test.js bundled next to
 * the file it is bundled into, i.e. this folder's tests. To add tests, drop a `*.test.ts` file here.
 */
export { run } from '../integration/index';
