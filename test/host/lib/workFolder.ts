import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { WORK_ROOT } from './paths';

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

export async function createWorkFolder(label: string): Promise<WorkFolder> {
  // Short names on purpose: extension hosts put unix sockets in here, and those paths must stay under 107 bytes.
  await mkdir(WORK_ROOT, { recursive: true });
  const root = await mkdtemp(path.join(WORK_ROOT, `${label.slice(0, 4)}-`));
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
