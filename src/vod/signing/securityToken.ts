import type { SigningCredentials } from './signedRequest';

/** The STS token to send, if any. An empty string counts as none: an empty env var is common. */
export function securityTokenOf(credentials: SigningCredentials): string | undefined {
  const token = credentials.securityToken;
  return token === undefined || token === '' ? undefined : token;
}
