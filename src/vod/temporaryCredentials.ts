/**
 * Credentials that are fetched and expire: an STS AssumeRole (CLI modes `RamRoleArn` and
 * `ChainableRamRoleArn`), the ECS instance metadata service (`EcsRamRole`) and a credentials URI
 * (`ALIBABA_CLOUD_CREDENTIALS_URI`). The chain (credentials.ts) only *describes* such a source, as plain
 * data, without any network call; `credentialProvider` turns a description into a function that fetches,
 * caches and refreshes. The fetching code lives in `./credentialSources/`, which the build writes to its
 * own file (dist/credential-sources.js), required on the first fetch: activation never parses it.
 */
import type { Credentials, CredentialSupply } from './credentials';
import { signV1Request } from './signing/signV1Request';
import { newNonce } from './signing/signedRequest';
import type { Transport } from './transport';

/** The official package's defaults (`@alicloud/credentials` 2.4.7, providers/ram_role_arn.ts, ecs_ram_role.ts). */
export const DEFAULT_STS_ENDPOINT = 'https://sts.aliyuncs.com/';
export const DEFAULT_METADATA_ORIGIN = 'http://100.100.100.200';

export type TemporarySource =
  | {
      readonly kind: 'assumeRole';
      /** What signs the AssumeRole call: an AccessKey (optionally STS), or another temporary source. */
      readonly base: Credentials | TemporarySource;
      readonly roleArn: string;
      readonly roleSessionName: string;
      readonly durationSeconds: number;
      readonly policy?: string | undefined;
      readonly externalId?: string | undefined;
      /** Origin of the STS endpoint, `https://sts.aliyuncs.com/` or a regional one. */
      readonly stsEndpoint: string;
    }
  | {
      readonly kind: 'instanceMetadata';
      /** Empty: the role is read from the metadata service (the instance has one). */
      readonly roleName: string | undefined;
      /** `ALIBABA_CLOUD_IMDSV1_DISABLED=true`: without an IMDSv2 token the fetch fails instead of falling back. */
      readonly imdsV1Disabled: boolean;
    }
  | { readonly kind: 'credentialsUri'; readonly uri: string };

export function isTemporarySource(value: Credentials | TemporarySource): value is TemporarySource {
  return 'kind' in value;
}

export interface ProviderDeps {
  /** The core transport (proxy-aware); metadata and credentials-URI requests go direct. */
  readonly transport: Pick<Transport, 'request'>;
  /** Milliseconds since the epoch; the client's skew-corrected clock in the extension. */
  readonly now?: () => number;
  /** Tests point these at the emulator; production uses the defaults above (or the profile's STS endpoint). */
  readonly stsEndpoint?: string | undefined;
  readonly metadataOrigin?: string | undefined;
}

/**
 * What the lazily loaded module needs from the core, handed over so its bundle carries no second copy of
 * the signer. The module imports nothing but types from this file.
 */
export interface SourceRuntime extends ProviderDeps {
  readonly now: () => number;
  readonly metadataOrigin: string;
  readonly sign: typeof signV1Request;
  readonly nonce: () => string;
}

export type CredentialProvider = () => Promise<Credentials>;

type SourcesModule = typeof import('./credentialSources/index');
let sourcesModule: SourcesModule | undefined;

/**
 * A provider that fetches on first call, caches until shortly before expiry (15 minutes, one hour for
 * instance metadata, as the official package does) and shares one refresh between concurrent callers.
 */
export function temporaryProvider(source: TemporarySource, deps: ProviderDeps): CredentialProvider {
  let provider: CredentialProvider | undefined;
  return () => {
    if (provider === undefined) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      sourcesModule ??= require('./credentialSources/index') as SourcesModule;
      provider = sourcesModule.createProvider(source, {
        ...deps,
        now: deps.now ?? Date.now,
        metadataOrigin: deps.metadataOrigin ?? DEFAULT_METADATA_ORIGIN,
        sign: signV1Request,
        nonce: newNonce,
      });
    }
    return provider();
  };
}

/** The provider for what the chain resolved: constant for long-term credentials, refreshing for temporary ones. */
export function credentialProvider(supply: CredentialSupply, deps: ProviderDeps): CredentialProvider {
  if (supply.temporary !== undefined) return temporaryProvider(supply.temporary, deps);
  const credentials = supply.credentials;
  return () => Promise.resolve(credentials);
}
