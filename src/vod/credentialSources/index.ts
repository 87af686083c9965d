/**
 * Entry of dist/credential-sources.js (see temporaryCredentials.ts): a refreshing provider for each kind
 * of temporary source. A role assumed with another temporary source's credentials (ChainableRamRoleArn)
 * asks that source's own provider first, which keeps its own cache.
 */
import type { Credentials } from '../credentials';
import type { CredentialProvider, SourceRuntime, TemporarySource } from '../temporaryCredentials';
import { assumeRole } from './assumeRole';
import { credentialsUri } from './credentialsUri';
import { instanceMetadata } from './instanceMetadata';
import { refreshCache, type Expiring } from './refreshCache';

/** Refresh margins of the official package: 15 minutes (STALE_TIME); instance metadata prefetches an hour ahead. */
const MARGIN_SECONDS = 15 * 60;
const METADATA_MARGIN_SECONDS = 60 * 60;

export function createProvider(source: TemporarySource, runtime: SourceRuntime): CredentialProvider {
  return refreshCache(fetcher(source, runtime), source.kind === 'instanceMetadata' ? METADATA_MARGIN_SECONDS : MARGIN_SECONDS, runtime.now);
}

function fetcher(source: TemporarySource, runtime: SourceRuntime): () => Promise<Expiring> {
  switch (source.kind) {
    case 'assumeRole': {
      const from = source.base;
      const base: () => Promise<Credentials> = 'kind' in from ? createProvider(from, runtime) : () => Promise.resolve(from);
      return async () => assumeRole(source, await base(), runtime);
    }
    case 'instanceMetadata':
      return () => instanceMetadata(source, runtime);
    case 'credentialsUri':
      return () => credentialsUri(source, runtime);
  }
}
