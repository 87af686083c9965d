import { cp, mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { BrowserContext } from './playwright';
import { launchBrowser } from './browser';
import { installExtension, startCodeServer, type CodeServerAuth, type RunningCodeServer } from './codeServer';
import { emulatorEnv, hostSettings, startEmulator, type RunningEmulator } from './emulator';
import { hostEnv } from './hostEnv';
import { DEMO_WORKSPACE, RESULTS_DIR } from './paths';
import { onStopSignal } from './signals';
import { trustSettings, type WorkspaceTrust } from './trust';
import { workbenchUrl, type ExtensionSource } from './workbenchUrl';
import { createWorkFolder, type WorkFolder } from './workFolder';

export interface HostOptions {
  /** Names the work folder and the results sub-folder. */
  readonly label: string;
  /** A VSIX to install before the server starts (or a step that makes one in the work folder); pair it with `installed` pages. */
  readonly vsix?: string | ((work: WorkFolder) => Promise<string>);
  /** The folder the workbench opens (default: the demo workspace), or a step that prepares one in the work folder. */
  readonly folder?: string | ((work: WorkFolder) => Promise<string>);
  readonly auth?: CodeServerAuth;
  readonly port?: number;
  /** Workspace trust: `disabled` (default) or `untrusted`, which opens the folder in Restricted Mode. */
  readonly trust?: WorkspaceTrust;
  /** Extra variables for the server and its extension hosts (a function when they name files in the work folder). */
  readonly env?: Readonly<Record<string, string>> | ((work: WorkFolder) => Readonly<Record<string, string>>);
}

/** A running emulator + code-server pair, boxed in one work folder. */
export interface Host {
  readonly work: WorkFolder;
  readonly emulator: RunningEmulator;
  readonly server: RunningCodeServer;
  /** The folder the workbench opens. */
  readonly folder: string;
  /** The environment the server (and so every extension host) was started with. */
  readonly env: NodeJS.ProcessEnv;
  url(source: ExtensionSource): string;
  /** A headless Chromium with its own fresh profile; closed by `close()` if still open. */
  newBrowser(name: string): Promise<BrowserContext>;
  /** Copies the server's and extension hosts' logs to test-results/<label>/ for a failed run. */
  keepLogs(): Promise<string>;
  /** True once close() has begun (e.g. on Ctrl+C), so a server exit then is expected. */
  readonly closing: boolean;
  close(): Promise<void>;
}

export async function startHost(opts: HostOptions): Promise<Host> {
  const work = await createWorkFolder(opts.label);
  // Playwright and this process's own temporary files belong in the box too.
  const previousTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = work.tmp;
  const cleanups: Array<() => Promise<void>> = [
    () => work.remove(),
    async () => {
      if (previousTmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmpdir;
    },
  ];
  // One shared promise: a Ctrl+C during a normal close must wait for it, not exit half-way.
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      for (const fn of cleanups.splice(0).reverse()) {
        await fn().catch((err: unknown) => console.error(`host cleanup: ${String(err)}`));
      }
    })());
  const detachSignals = onStopSignal(close);
  cleanups.push(async () => detachSignals());
  try {
    const emulator = await startEmulator({ port: 0 });
    cleanups.push(() => emulator.close());
    const extra = typeof opts.env === 'function' ? opts.env(work) : (opts.env ?? {});
    const env = hostEnv(work.env, emulatorEnv(emulator), extra);
    if (opts.vsix) {
      const vsix = typeof opts.vsix === 'function' ? await opts.vsix(work) : opts.vsix;
      await installExtension(work, vsix, env);
    }
    const folder = typeof opts.folder === 'function' ? await opts.folder(work) : (opts.folder ?? DEMO_WORKSPACE);
    const trust = opts.trust ?? 'disabled';
    const server = await startCodeServer({
      work,
      env,
      folder,
      trust,
      settings: { ...hostSettings(emulator), ...trustSettings(trust) },
      auth: opts.auth ?? { kind: 'none' },
      port: opts.port ?? 0,
    });
    cleanups.push(() => server.stop());
    const browsers: BrowserContext[] = [];
    cleanups.push(async () => {
      for (const b of browsers.splice(0)) await b.close().catch(() => undefined);
    });
    return {
      work,
      emulator,
      server,
      folder,
      env,
      url: (source) => workbenchUrl(server.origin, folder, source),
      async newBrowser(name) {
        const context = await launchBrowser({ profileDir: await work.subdir(`chrome-${name}`), env, origin: server.origin });
        browsers.push(context);
        return context;
      },
      async keepLogs() {
        const dest = path.join(RESULTS_DIR, opts.label, 'logs');
        await mkdir(dest, { recursive: true });
        await cp(server.logFile, path.join(dest, 'code-server.log')).catch(() => undefined);
        await cp(path.join(work.userData, 'logs'), dest, { recursive: true }).catch(() => undefined);
        return dest;
      },
      get closing() {
        return closed !== undefined;
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
