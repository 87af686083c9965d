/**
 * The only place that reads or writes credentials. One SecretStorage entry per profile holds the key ID,
 * secret and optional STS token as JSON, so a profile's credentials change atomically.
 *
 * SecretStorage can fail (no OS keyring on a Linux desktop, some remote and web hosts). Then the store
 * keeps new credentials in this process's memory only and reports the fallback once, so the UI can warn
 * that they last for this session. It never falls back to disk.
 */
import * as z from 'zod/mini';
import type * as vscode from 'vscode';
import type { Credentials } from '../vod/credentials';

const KEY_PREFIX = 'vodImages.credentials/';

function buildStoredSchema() {
  return z.object({
    accessKeyId: z.string().check(z.minLength(1)),
    accessKeySecret: z.string().check(z.minLength(1)),
    securityToken: z.optional(z.string()),
  });
}
/** Built on first read, not at module load: constructing zod schemas is a measurable part of activation. */
let storedSchema: ReturnType<typeof buildStoredSchema> | undefined;

export type StoreMode = 'secretStorage' | 'memory';
export type StoreOperation = 'get' | 'store' | 'delete';

export interface CredentialStoreOptions {
  /** Called once, when the first SecretStorage failure switches the store to memory. */
  readonly onFallback: (operation: StoreOperation, error: unknown) => void;
}

export function secretKeyFor(profile: string): string {
  return KEY_PREFIX + profile;
}

export function profileOfSecretKey(key: string): string | undefined {
  return key.startsWith(KEY_PREFIX) ? key.slice(KEY_PREFIX.length) : undefined;
}

export class CredentialStore {
  private readonly memory = new Map<string, Credentials>();
  private currentMode: StoreMode = 'secretStorage';

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly options: CredentialStoreOptions,
  ) {}

  get mode(): StoreMode {
    return this.currentMode;
  }

  /**
   * Fires with the profile name when another window (or this one) stored or deleted its credentials in
   * SecretStorage. Memory-only changes are local and need no event.
   */
  readonly onDidChange: vscode.Event<string> = (listener, thisArg, disposables) =>
    this.secrets.onDidChange(
      (e) => {
        const profile = profileOfSecretKey(e.key);
        if (profile !== undefined) listener.call(thisArg, profile);
      },
      undefined,
      disposables,
    );

  async get(profile: string): Promise<Credentials | undefined> {
    const remembered = this.memory.get(profile);
    if (remembered !== undefined) return remembered;
    let raw: string | undefined;
    try {
      raw = await this.secrets.get(secretKeyFor(profile));
    } catch (error) {
      this.fallBack('get', error);
      return undefined;
    }
    return raw === undefined ? undefined : decode(raw);
  }

  async store(profile: string, credentials: Credentials): Promise<void> {
    const clean = normalise(credentials);
    if (this.currentMode === 'secretStorage') {
      try {
        await this.secrets.store(secretKeyFor(profile), JSON.stringify(clean));
        this.memory.delete(profile);
        return;
      } catch (error) {
        this.fallBack('store', error);
      }
    }
    this.memory.set(profile, clean);
  }

  async delete(profile: string): Promise<void> {
    this.memory.delete(profile);
    try {
      await this.secrets.delete(secretKeyFor(profile));
    } catch (error) {
      // Nothing can be left behind in memory; a SecretStorage entry we cannot delete is reported.
      this.fallBack('delete', error);
    }
  }

  /**
   * Tries SecretStorage again for new credentials (after the keyring came back, or after a test injected a
   * failure). Credentials already in memory stay there until they are stored again or deleted.
   */
  resumeSecretStorage(): void {
    this.currentMode = 'secretStorage';
  }

  private fallBack(operation: StoreOperation, error: unknown): void {
    if (this.currentMode === 'memory') return;
    this.currentMode = 'memory';
    this.options.onFallback(operation, error);
  }
}

/** A corrupt entry reads as "no credentials" (the user signs in again) rather than as an exception. */
function decode(raw: string): Credentials | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = (storedSchema ??= buildStoredSchema()).safeParse(json);
  return parsed.success ? normalise(parsed.data) : undefined;
}

function normalise(c: Credentials): Credentials {
  return c.securityToken
    ? { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken }
    : { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret };
}
