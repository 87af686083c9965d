import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A throw-away folder holding everything one run writes: code-server's user data and extensions,
 * Chromium profiles, and the HOME/TMPDIR/XDG dirs handed to every child process, so that sockets,
 * caches and state files never land in the real home or /tmp.
 */
export interface WorkFolder {
  readonly root: string;
  readonly userData: string;
  readonly extensions: string;
  readonly home: string;
  readonly tmp: string;
  /** Environment that boxes a child process into this folder. */
  readonly env: Readonly<Record<string, string>>;
  /** A fresh sub-folder (e.g. one Chromium profile per flow). */
  subdir(name: string): Promise<string>;
  remove(): Promise<void>;
}

/** A Unix socket path holds at most 107 bytes (108 with the terminating NUL). */
export const MAX_SOCKET_PATH_BYTES = 107;

/**
 * The longest socket path a child makes below the work folder's root, with room to spare:
 * Chromium's `/tmp/org.chromium.Chromium.XXXXXX/SingletonSocket` (47) and code-server's
 * `/run/vscode-ipc-<uuid>.sock` and `/tmp/vscode-git-<hash>.sock` (≈ 56).
 */
export const SOCKET_SUFFIX_BYTES = 64;

/** `<base>/vii-<label, 4 chars>-XXXXXX`: the prefix names the product, mkdtemp adds six characters. */
const ROOT_NAME_BYTES = '/vii-demo-XXXXXX'.length;

/**
 * Where work folders are made. Not inside the checkout: a checkout can live at any depth, and a socket
 * path below it would pass the 107-byte limit (Chromium then dies with "Socket path too long").
 * The OS temp directory is short almost everywhere; when it is not (a long TMPDIR), `/tmp` is used.
 */
export function workBase(tmpdir: string = os.tmpdir()): string {
  const fits = (base: string): boolean => Buffer.byteLength(base) + ROOT_NAME_BYTES + SOCKET_SUFFIX_BYTES <= MAX_SOCKET_PATH_BYTES;
  if (fits(tmpdir)) return tmpdir;
  if (process.platform !== 'win32' && fits('/tmp')) return '/tmp';
  throw new Error(`the temp directory ${tmpdir} is too long for Unix sockets below it; set TMPDIR to a short folder`);
}

export async function createWorkFolder(label: string): Promise<WorkFolder> {
  const prefix = `vii-${label.replace(/[^a-z0-9]/gi, '').slice(0, 4)}-`;
  const root = await mkdtemp(path.join(workBase(), prefix));
  const dir = (name: string): string => path.join(root, name);
  const env = {
    HOME: dir('home'),
    TMPDIR: dir('tmp'),
    XDG_CONFIG_HOME: dir('xdg/config'),
    XDG_DATA_HOME: dir('xdg/data'),
    XDG_CACHE_HOME: dir('xdg/cache'),
    XDG_STATE_HOME: dir('xdg/state'),
    XDG_RUNTIME_DIR: dir('run'),
  };
  for (const d of [...Object.values(env), dir('user-data/User'), dir('user-data/Machine'), dir('extensions')]) {
    await mkdir(d, { recursive: true, mode: 0o700 });
  }
  return {
    root,
    userData: dir('user-data'),
    extensions: dir('extensions'),
    home: env.HOME,
    tmp: env.TMPDIR,
    env,
    async subdir(name) {
      const d = dir(name);
      await mkdir(d, { recursive: true });
      return d;
    },
    async remove() {
      await rm(root, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
