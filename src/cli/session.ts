/**
 * Turns the global options into a ready client: endpoint (checked before anything else, so a
 * plain-http remote endpoint is refused without reading credentials), the credential chain, the
 * region (flag, else the profile's, else the default), and a proxy-aware transport.
 */
import { VodClient } from '../vod/client';
import { resolveCredentials, type CredentialEnv, type CredentialFs, type ResolvedCredentials } from '../vod/credentials';
import { resolveEndpoint } from '../vod/endpoint';
import { credentialProvider } from '../vod/temporaryCredentials';
import { VodError, isVodError } from '../vod/errors';
import { msg } from '../vod/messages';
import { formatRequestLogEntry, type RequestLogEntry } from '../vod/log';
import { createUndiciTransport } from '../vod/transport';
import type { GlobalOptions } from './args';
import { terminalSafe } from './format';

export const NO_CREDENTIALS_HINT = msg('cli.credentialsHint');

export interface SessionIo {
  readonly env: CredentialEnv;
  readonly credentialFs: CredentialFs;
  /** One line to stderr (no newline needed). */
  readonly stderr: (line: string) => void;
}

export interface Session {
  readonly client: VodClient;
  close(): Promise<void>;
}

export async function openSession(global: GlobalOptions, io: SessionIo): Promise<Session> {
  // Validate what the user typed first: these are usage errors, independent of credentials.
  if (global.endpoint !== undefined) resolveEndpoint({ endpoint: global.endpoint });
  if (global.region !== undefined) resolveEndpoint({ region: global.region });

  const resolved = await findCredentials(global, io);
  const endpoint = resolveEndpoint({ endpoint: global.endpoint, region: global.region ?? resolved.regionId });
  const transport = createUndiciTransport({ env: io.env, timeoutMs: global.timeoutMs });
  const client = new VodClient({
    endpoint,
    credentials: credentialProvider(resolved, { transport }),
    signatureVersion: global.signature,
    transport,
    timeoutMs: global.timeoutMs,
    log: global.verbose ? (entry) => io.stderr(verboseRequestLine(entry)) : undefined,
  });
  if (global.verbose) {
    const source = resolved.source === 'cliProfile' ? `CLI profile "${resolved.profileName ?? '?'}"` : resolved.source;
    io.stderr(terminalSafe(`vodimg: endpoint ${endpoint.origin}, signature ${global.signature}, credentials from ${source}`));
  }
  return { client, close: () => transport.close() };
}

/**
 * One `--verbose` line per request. The core already drops a malformed Code or RequestId; this is the
 * terminal's own guard, like every other line vodimg prints (a profile name comes from a file too).
 */
export function verboseRequestLine(entry: RequestLogEntry): string {
  return terminalSafe(`vodimg: ${formatRequestLogEntry(entry)}`);
}

async function findCredentials(global: GlobalOptions, io: SessionIo): Promise<ResolvedCredentials> {
  let resolved: ResolvedCredentials | undefined;
  try {
    resolved = await resolveCredentials({ profile: global.profile, env: io.env, fs: io.credentialFs });
  } catch (error) {
    // A broken or unusable credential source is still "no usable credentials" (exit code 3).
    const reason = isVodError(error) ? error.text : msg('cred.unreadable');
    throw new VodError('noCredentials', msg('cli.noCredentials', { reason, hint: NO_CREDENTIALS_HINT }), { cause: error });
  }
  if (resolved === undefined) throw new VodError('noCredentials', msg('cli.noCredentialsFound', { hint: NO_CREDENTIALS_HINT }));
  return resolved;
}
