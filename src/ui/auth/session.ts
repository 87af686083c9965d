/**
 * Which credentials the extension uses right now, decided from three places in order: the active
 * stored profile, else the core's credential chain (environment variables, Alibaba Cloud CLI profile),
 * else none. Pure over injected stores so it is unit-tested without an editor.
 */
import type { Credentials, CredentialSource, CredentialSupply, ResolvedCredentials } from '../../vod/credentials';
import { isVodError } from '../../vod/errors';
import { msg, type Message } from '../../vod/messages';
import type { CredentialStore } from '../credentialStore';
import type { ProfileRecord, ProfileRegistry } from '../profiles';
import type { WorkspaceBinding } from '../workspaceBinding';

export type Session = (
  | { readonly kind: 'profile'; readonly profile: ProfileRecord; readonly credentials: Credentials; readonly region: string }
  | {
      readonly kind: 'chain';
      readonly source: ChainSource;
      /** The CLI profile's name when `source` is `cliProfile`. */
      readonly cliProfile: string | undefined;
      /** Long-term credentials, or where temporary ones are fetched (on the first request, not here). */
      readonly supply: CredentialSupply;
      readonly region: string;
    }
  | {
      readonly kind: 'signedOut';
      readonly region: string;
      /** Why the chain gave nothing usable, or which active profile lost its secret (safe to show). */
      readonly problem: SignedOutProblem | undefined;
    }
) & {
  /** Set when this workspace's own binding chose the profile (workspaceBinding.ts). */
  readonly boundToWorkspace?: true;
};

export type ChainSource = Exclude<CredentialSource, 'explicit'>;

export type SignedOutProblem =
  | { readonly kind: 'missingSecret'; readonly profile: string }
  | { readonly kind: 'chainError'; readonly message: Message };

export interface SessionSources {
  readonly profiles: Pick<ProfileRegistry, 'active'> & Partial<Pick<ProfileRegistry, 'get'>>;
  readonly store: Pick<CredentialStore, 'get'>;
  /** The core chain (`resolveCredentials` with the process environment and file system), optionally for one named CLI profile. */
  readonly chain: (cliProfile?: string) => Promise<ResolvedCredentials | undefined>;
  /** This workspace's own choice, which wins over the global one. */
  readonly binding?: WorkspaceBinding | undefined;
  /** The `vodImages.region` setting, and whether the user set it (then it beats a CLI profile's region). */
  readonly settingRegion: string;
  readonly settingRegionExplicit: boolean;
}

export async function resolveSession(sources: SessionSources): Promise<Session> {
  const binding = sources.binding;
  if (binding === undefined) return resolveGlobal(sources);
  const bound = binding.profile === undefined ? undefined : sources.profiles.get?.(binding.profile);
  const region = binding.region;
  if (binding.profile !== undefined && bound === undefined) {
    // A stored profile that was since signed out: like a lost secret, never other credentials instead.
    return { kind: 'signedOut', region: region ?? sources.settingRegion, problem: { kind: 'missingSecret', profile: binding.profile }, boundToWorkspace: true };
  }
  const session = await resolveGlobal({ ...sources, profiles: { active: () => bound } }, binding.cliProfile);
  return { ...session, region: region ?? session.region, boundToWorkspace: true };
}

async function resolveGlobal(sources: SessionSources, cliProfile?: string): Promise<Session> {
  const active = sources.profiles.active();
  if (active !== undefined) {
    const credentials = await sources.store.get(active.name);
    if (credentials !== undefined) return { kind: 'profile', profile: active, credentials, region: active.region };
    // The user chose this profile: quietly using other credentials instead would be a surprise.
    return { kind: 'signedOut', region: active.region, problem: { kind: 'missingSecret', profile: active.name } };
  }
  let resolved: ResolvedCredentials | undefined;
  try {
    resolved = await (cliProfile === undefined ? sources.chain() : sources.chain(cliProfile));
  } catch (error) {
    const message = isVodError(error) ? error.text : msg('cred.chainFailed');
    return { kind: 'signedOut', region: sources.settingRegion, problem: { kind: 'chainError', message } };
  }
  if (resolved === undefined || resolved.source === 'explicit') {
    return { kind: 'signedOut', region: sources.settingRegion, problem: undefined };
  }
  const region = sources.settingRegionExplicit ? sources.settingRegion : (resolved.regionId ?? sources.settingRegion);
  return {
    kind: 'chain',
    source: resolved.source,
    cliProfile: resolved.source === 'cliProfile' ? resolved.profileName : undefined,
    supply: resolved.temporary === undefined ? { credentials: resolved.credentials } : { temporary: resolved.temporary },
    region,
  };
}

/** The status bar's name for a session: the profile, `env`, or `aliyun:<cli profile>`. */
export function sessionLabel(session: Session): string | undefined {
  switch (session.kind) {
    case 'profile':
      return session.profile.name;
    case 'chain':
      return CHAIN_LABELS[session.source] ?? `aliyun:${session.cliProfile ?? 'default'}`;
    case 'signedOut':
      return undefined;
  }
}

const CHAIN_LABELS: Partial<Record<ChainSource, string>> = { environment: 'env', instanceMetadata: 'ecs-ram-role', credentialsUri: 'credentials-uri' };

/**
 * The strings the log must never contain while this session is in use (temporary credentials add theirs
 * as they are fetched, see ServiceHost). A role's base AccessKey counts too.
 */
export function sessionSecrets(session: Session): string[] {
  if (session.kind === 'signedOut') return [];
  const credentials: Credentials[] = session.kind === 'profile' ? [session.credentials] : baseCredentials(session.supply);
  return credentials.flatMap(({ accessKeySecret, securityToken }) => (securityToken ? [accessKeySecret, securityToken] : [accessKeySecret]));
}

function baseCredentials(supply: CredentialSupply): Credentials[] {
  if (supply.temporary === undefined) return [supply.credentials];
  const source = supply.temporary;
  if (source.kind !== 'assumeRole') return [];
  return 'kind' in source.base ? baseCredentials({ temporary: source.base }) : [source.base];
}
