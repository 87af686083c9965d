import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { CODE_SERVER_BIN } from './paths';
import { delay, exited, killGroup, runCommand, withTimeout } from './processes';
import { trustArgs, type WorkspaceTrust } from './trust';
import type { WorkFolder } from './workFolder';

/** An open code-server is a shell for every local user, so anything long-lived gets a password. */
export type CodeServerAuth = { readonly kind: 'none' } | { readonly kind: 'password'; readonly password: string };

export interface CodeServerOptions {
  readonly work: WorkFolder;
  /** Full environment for the server; its extension hosts inherit it. */
  readonly env: NodeJS.ProcessEnv;
  /** Written as both User and Machine settings: machine-scoped settings are read from the latter in a remote host. */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly auth: CodeServerAuth;
  /** 0 (default) lets the OS pick a free port; the real one is read from the server's log. */
  readonly port?: number;
  /** Folder to open when a page asks for none. */
  readonly folder: string;
  /** Workspace trust (default `disabled`); pair with the same mode's settings (`trustSettings`). */
  readonly trust?: WorkspaceTrust;
}

export interface RunningCodeServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  readonly origin: string;
  readonly port: number;
  readonly logFile: string;
  /** Settles when the server process exits on its own or is stopped. */
  readonly exited: Promise<void>;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;

function commonArgs(work: WorkFolder, trust: WorkspaceTrust = 'disabled'): string[] {
  return [
    '--user-data-dir', work.userData,
    '--extensions-dir', work.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    ...trustArgs(trust),
    '--disable-getting-started-override',
  ];
}

function configYaml(port: number, auth: CodeServerAuth): string {
  const lines = [`bind-addr: 127.0.0.1:${port}`, `auth: ${auth.kind}`, 'cert: false'];
  if (auth.kind === 'password') lines.push(`password: ${JSON.stringify(auth.password)}`);
  return `${lines.join('\n')}\n`;
}

async function writeSettings(work: WorkFolder, settings: Readonly<Record<string, unknown>>): Promise<void> {
  const text = `${JSON.stringify(settings, null, 2)}\n`;
  await writeFile(path.join(work.userData, 'User', 'settings.json'), text);
  await writeFile(path.join(work.userData, 'Machine', 'settings.json'), text);
}

/** Installs a packaged extension into the work folder's extensions dir (the server need not run). */
export async function installExtension(work: WorkFolder, vsix: string, env: NodeJS.ProcessEnv): Promise<void> {
  await runCommand(CODE_SERVER_BIN, [...commonArgs(work), '--install-extension', vsix], { env });
}

export async function startCodeServer(opts: CodeServerOptions): Promise<RunningCodeServer> {
  const { work } = opts;
  const config = path.join(work.root, 'code-server.yaml');
  await writeFile(config, configYaml(opts.port ?? 0, opts.auth), { mode: 0o600 });
  await writeSettings(work, opts.settings);

  const logFile = path.join(work.root, 'code-server.log');
  const log = createWriteStream(logFile);
  const child = spawn(CODE_SERVER_BIN, ['--config', config, ...commonArgs(work, opts.trust), opts.folder], {
    detached: true, // own process group, so stop() reaches the extension hosts it forks
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const done = exited(child).then(() => {
    log.end();
  });
  const stop = (): Promise<void> => killGroup(child).then(() => done);

  try {
    const origin = await withTimeout(listeningOrigin(child.stdout, done), STARTUP_TIMEOUT_MS, 'code-server start');
    await waitHealthy(origin);
    return { origin, port: Number(new URL(origin).port), logFile, exited: done, stop };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message} (log: ${logFile})`);
  }
}

/** code-server prints the address it bound, which is the only way to learn a port 0 choice without a race. */
function listeningOrigin(stdout: NodeJS.ReadableStream, done: Promise<void>): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    // A plain listener, not readline: readline pauses the stream on close, which would stall the log pipe.
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (m?.[1]) {
        stdout.off('data', onData);
        resolve(m[1]);
      }
    };
    stdout.on('data', onData);
    void done.then(() => reject(new Error('code-server exited during start-up')));
  });
}

async function waitHealthy(origin: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) return;
    } catch {
      // not accepting connections yet
    }
    await delay(100);
  }
  throw new Error(`code-server at ${origin} never became healthy`);
}
