/**
 * The list of signed-in profiles and which one is active, kept in the extension's global state.
 * Only what is safe to show lives here (name, region, a masked key ID); the key ID itself, the secret
 * and the STS token are in the credential store. The stored value is validated on every read, since
 * global state outlives versions of this code and can be edited by hand.
 */
import * as z from 'zod/mini';
import type * as vscode from 'vscode';

export { PROFILES_STATE_KEY } from './profileStateKey';
import { PROFILES_STATE_KEY } from './profileStateKey';

/** Profile names double as secret-key suffixes, so they keep to a conservative charset. */
export const PROFILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

function buildSchemas() {
  const record = z.object({
    name: z.string().check(z.regex(PROFILE_NAME_PATTERN)),
    region: z.string(),
    maskedKeyId: z.string(),
    hasSecurityToken: z.boolean(),
    /** The secret went to the session-only memory store: it is gone after a reload. */
    sessionOnly: z.boolean(),
    /** ISO time of the last sign-in. */
    updatedAt: z.string(),
  });
  return {
    record,
    state: z.object({
      version: z.literal(1),
      active: z.optional(z.string()),
      profiles: z.array(record),
    }),
  };
}
/** Built on first read, not at module load: constructing zod schemas is a measurable part of activation. */
let schemas: ReturnType<typeof buildSchemas> | undefined;

export type ProfileRecord = Readonly<z.output<ReturnType<typeof buildSchemas>['record']>>;
type ProfilesState = z.output<ReturnType<typeof buildSchemas>['state']>;

const EMPTY: ProfilesState = { version: 1, profiles: [] };

export type ProfileNameProblem = 'empty' | 'tooLong' | 'badCharacters';

/** Why a typed profile name is unusable, or undefined when it is fine. The UI words the message. */
export function profileNameProblem(name: string): ProfileNameProblem | undefined {
  if (name.trim() === '') return 'empty';
  if (name.length > 64) return 'tooLong';
  return PROFILE_NAME_PATTERN.test(name) ? undefined : 'badCharacters';
}

export class ProfileRegistry {
  constructor(private readonly memento: vscode.Memento) {}

  list(): readonly ProfileRecord[] {
    return this.read().profiles;
  }

  get(name: string): ProfileRecord | undefined {
    return this.read().profiles.find((p) => p.name === name);
  }

  /** The active profile's record; undefined when none is chosen (the credential chain applies). */
  active(): ProfileRecord | undefined {
    const state = this.read();
    return state.active === undefined ? undefined : state.profiles.find((p) => p.name === state.active);
  }

  /** Adds or replaces a profile (by name) and makes it the active one. */
  async upsertAndActivate(record: ProfileRecord): Promise<void> {
    const state = this.read();
    const profiles = state.profiles.filter((p) => p.name !== record.name);
    profiles.push(record);
    profiles.sort((a, b) => a.name.localeCompare(b.name));
    await this.write({ version: 1, active: record.name, profiles });
  }

  /** Removes a profile; if it was active, no profile is active afterwards. */
  async remove(name: string): Promise<void> {
    const state = this.read();
    await this.write({
      version: 1,
      active: state.active === name ? undefined : state.active,
      profiles: state.profiles.filter((p) => p.name !== name),
    });
  }

  /** Chooses the active profile; `undefined` falls back to the environment / CLI credential chain. */
  async setActive(name: string | undefined): Promise<void> {
    const state = this.read();
    if (name !== undefined && !state.profiles.some((p) => p.name === name)) {
      throw new Error(`Unknown profile "${name}".`);
    }
    await this.write({ ...state, active: name });
  }

  private read(): ProfilesState {
    const parsed = (schemas ??= buildSchemas()).state.safeParse(this.memento.get<unknown>(PROFILES_STATE_KEY));
    return parsed.success ? parsed.data : EMPTY;
  }

  private async write(state: ProfilesState): Promise<void> {
    // `undefined` members are dropped so the stored JSON stays minimal and round-trips through the schema.
    const clean: ProfilesState = state.active === undefined ? { version: 1, profiles: state.profiles } : state;
    await this.memento.update(PROFILES_STATE_KEY, clean);
  }
}
