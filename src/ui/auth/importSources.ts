/**
 * Credentials the sign-in can import instead of having them typed: the process environment and the
 * Alibaba Cloud CLI's profiles (`~/.aliyun/config.json`). Discovery reads names, modes and regions only;
 * secrets are read when the user picks a source.
 */
import type { CredentialFs, ResolvedCredentials } from '../../vod/credentials';
import {
  ENV_ACCESS_KEY_ID,
  ENV_ACCESS_KEY_SECRET,
  ENV_CLI_PROFILE_DISABLED,
  listCliProfiles,
  resolveCredentials,
  type CredentialEnv,
} from '../../vod/credentials';
import { maskKeyId } from './maskKeyId';

export type ImportSource =
  | { readonly kind: 'environment'; readonly maskedKeyId: string }
  | { readonly kind: 'cliProfile'; readonly name: string; readonly mode: string; readonly regionId: string | undefined; readonly current: boolean };

export interface ImportContext {
  readonly env: CredentialEnv;
  readonly fs: CredentialFs;
}

export async function discoverImportSources(context: ImportContext): Promise<ImportSource[]> {
  const sources: ImportSource[] = [];
  const keyId = context.env[ENV_ACCESS_KEY_ID]?.trim();
  if (keyId && context.env[ENV_ACCESS_KEY_SECRET]?.trim()) sources.push({ kind: 'environment', maskedKeyId: maskKeyId(keyId) });
  let profiles: Awaited<ReturnType<typeof listCliProfiles>> = [];
  try {
    profiles = await listCliProfiles({ fs: context.fs });
  } catch {
    // An unreadable CLI config only hides the import option; typing credentials still works.
  }
  for (const p of profiles) {
    if (p.supported) sources.push({ kind: 'cliProfile', name: p.name, mode: p.mode, regionId: p.regionId, current: p.current });
  }
  return sources;
}

/** Reads the chosen source's credentials (throws the core's VodError when it no longer yields any). */
export async function readImportSource(source: ImportSource, context: ImportContext): Promise<ResolvedCredentials | undefined> {
  if (source.kind === 'environment') {
    return resolveCredentials({ env: { ...context.env, [ENV_CLI_PROFILE_DISABLED]: 'true' }, fs: context.fs });
  }
  return resolveCredentials({ profile: source.name, env: {}, fs: context.fs });
}

/** A profile name derived from the source, adjusted to the allowed characters. */
export function suggestedProfileName(source: ImportSource): string {
  if (source.kind === 'environment') return 'env';
  const cleaned = source.name.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 64);
  return cleaned === '' ? 'aliyun' : cleaned;
}
