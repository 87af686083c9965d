import { execFileSync } from 'node:child_process';
import { chromium, type BrowserContext } from './playwright';

// Debian's Chromium: Playwright's own browser builds cannot be downloaded here.
function chromiumPath(): string {
  return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
}

export interface BrowserOptions {
  /** A fresh profile folder: secrets and storage are per profile, so a new one starts clean. */
  readonly profileDir: string;
  readonly env: NodeJS.ProcessEnv;
  /** Origin of the workbench; clipboard access is granted to it so `env.clipboard.readText` cannot hang. */
  readonly origin: string;
}

export async function launchBrowser(opts: BrowserOptions): Promise<BrowserContext> {
  // launchPersistentContext, not launch(): Playwright forbids --user-data-dir in args.
  const context = await chromium.launchPersistentContext(opts.profileDir, {
    executablePath: chromiumPath(),
    env: opts.env,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox', // we run as root in CI
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: opts.origin });
  return context;
}
