import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Fixed locations the host tooling relies on. Everything a run writes goes under RESULTS_DIR or its work
 * folder, which lives under the OS temp directory (see workFolder.ts for why not in the checkout).
 */
export const HOST_DIR = path.resolve(__dirname, '..');
export const ROOT = path.resolve(HOST_DIR, '..', '..');
export const CODE_SERVER_BIN = path.join(HOST_DIR, 'node_modules', '.bin', 'code-server');
export const INSTALL_SCRIPT = path.join(HOST_DIR, 'install.sh');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const DEMO_WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'demo');
export const INTEGRATION_OUT = path.join(ROOT, 'out', 'integration');
export const INTEGRATION_UNTRUSTED_OUT = path.join(ROOT, 'out', 'integration-untrusted');
export const INTEGRATION_MULTIROOT_OUT = path.join(ROOT, 'out', 'integration-multiroot');
export const E2E_DIR = path.join(ROOT, 'test', 'e2e');

/** Whether install.sh has run (it is idempotent either way; this only decides what to tell the user). */
export function hostInstalled(): boolean {
  return existsSync(CODE_SERVER_BIN) && existsSync(path.join(HOST_DIR, 'node_modules', 'playwright-core'));
}
