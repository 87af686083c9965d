import * as path from 'node:path';

/** Fixed locations the host tooling relies on; everything the runners write goes under WORK_ROOT or RESULTS_DIR. */
export const HOST_DIR = path.resolve(__dirname, '..');
export const ROOT = path.resolve(HOST_DIR, '..', '..');
export const WORK_ROOT = path.join(HOST_DIR, 'work');
export const CODE_SERVER_BIN = path.join(HOST_DIR, 'node_modules', '.bin', 'code-server');
export const INSTALL_SCRIPT = path.join(HOST_DIR, 'install.sh');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const DEMO_WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'demo');
export const INTEGRATION_OUT = path.join(ROOT, 'out', 'integration');
export const INTEGRATION_UNTRUSTED_OUT = path.join(ROOT, 'out', 'integration-untrusted');
export const E2E_DIR = path.join(ROOT, 'test', 'e2e');
