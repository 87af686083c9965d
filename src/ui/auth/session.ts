/**
 * Which credentials the extension uses right now, decided from three places in order: the active
 * stored profile, else the core's credential chain (environment variables, Alibaba Cloud CLI profile),
 * else none. Pure over injected stores so it is unit-tested without an editor.
 */
import type { Credentials, ResolvedCredentials } from '../../vod/credentials';
import { isVodError } from '../../vod/errors';
import { msg, type Message } from '../../vod/messages';
import type { CredentialStore } from '../credentialStore';
import type { ProfileRecord, ProfileRegistry } from '../profiles';

export type Session =
  | { readonly kind: 'profile'; readonly profile: ProfileRecord; readonly credentials: Credentials; readonly region: string }
  | {
      readonly kind: 'chain';
      readonly source: 'environment' | 'cliProfile';
      /** The CLI profile's name when `source` is `cliProfile`. */
      readonly cliProfile: string | undefined;
      readonly credentials: Credentials;
      readonly region: string;
    }
  | {
      readonly kind: 'signedOut';
      readonly region: string;
      /** Why the chain gave nothing usable, or which active profile lost its secret (safe to show). */
      readonly problem: SignedOutProblem | undefined;
    };

export type SignedOutProblem =
  | { readonly kind: 'missingSecret'; readonly profile: string }
  | { readonly kind: 'chainError'; readonly message: Message };

export interface SessionSources {
  readonly profiles: Pick<ProfileRegistry, 'active'>;
  readonly store: Pick<CredentialStore, 'get'>;
  /** The core chain (`resolveCredentials` with the process environment and file system). */
  readonly chain: () => Promise<ResolvedCredentials | undefined>;
  /** The `vodImages.region` setting, and whether the user set it (then it beats a CLI profile's region). */
  readonly settingRegion: string;
  readonly settingRegionExplicit: boolean;
}

export async function resolveSession(sources: SessionSources): Promise<Session> {
  const active = sources.profiles.active();
  if (active !== undefined) {
    const credentials = await sources.store.get(active.name);
    if (credentials !== undefined) return { kind: 'profile', profile: active, credentials, region: active.region };
    // The user chose this profile: quietly using other credentials instead would be a surprise.
    return { kind: 'signedOut', region: active.region, problem: { kind: 'missingSecret', profile: active.name } };
  }
  let resolved: ResolvedCredentials | undefined;
  try {
    resolved = await sources.chain();
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
    credentials: resolved.credentials,
    region,
  };
}

/** The status bar's name for a session: the profile, `env`, or `aliyun:<cli profile>`. */
export function sessionLabel(session: Session): string | undefined {
  switch (session.kind) {
    case 'profile':
      return session.profile.name;
    case 'chain':
      return session.source === 'environment' ? 'env' : `aliyun:${session.cliProfile ?? 'default'}`;
    case 'signedOut':
      return undefined;
  }
}

/** The strings the log must never contain while this session is in use. */
export function sessionSecrets(session: Session): string[] {
  if (session.kind === 'signedOut') return [];
  const { accessKeySecret, securityToken } = session.credentials;
  return securityToken ? [accessKeySecret, securityToken] : [accessKeySecret];
}
