/**
 * The identity services around VOD, on a listener of their own (so VOD's `/` never answers AssumeRole):
 *   POST|GET /              STS (2015-04-01) AssumeRole, RPC V1 or V3 signed, checked like the VOD endpoint
 *   PUT  /latest/api/token  ECS instance metadata: an IMDSv2 token
 *   GET  /latest/meta-data/ram/security-credentials/[role]   the instance's role name, its credentials
 *   GET  /credentials       an ALIBABA_CLOUD_CREDENTIALS_URI answer
 * Every key handed out is issued by the shared KeyRing, so the VOD endpoint accepts it with its token.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ApiError, apiErrors } from './apiError';
import { authenticate } from './auth';
import { isoSeconds, type EmulatorClock } from './clock';
import type { KeyRing } from './credentials';
import type { NonceStore } from './nonces';
import { type ResponseMeta, sendApiError, sendApiResult, sendJson, sendText } from './respond';
import { readBody, toApiRequest } from './server';

/** The account the emulated roles belong to (a made-up 16-digit UID). */
export const EMULATOR_ACCOUNT = '1234567890123456';
/** A role the demo key (and any key it issued: role chaining) may assume; it may call every VOD action. */
export const EMULATOR_ROLE_ARN = `acs:ram::${EMULATOR_ACCOUNT}:role/vod-reader`;
/** The RAM role attached to the emulated ECS instance. */
export const EMULATOR_INSTANCE_ROLE = 'EcsVodReader';
/** Instance credentials live 6 hours, like ECS's. */
const INSTANCE_CREDENTIALS_MS = 6 * 3600 * 1000;
const URI_CREDENTIALS_MS = 3600 * 1000;

export interface IdentityOptions {
  keys: KeyRing;
  nonces: NonceStore;
  clock: EmulatorClock;
  /** AccessKey IDs allowed to assume roles (the demo key); STS keys this emulator issued always are. */
  trusted: () => readonly string[];
}

export interface IdentityCounters {
  assumeRole: number;
  metadataToken: number;
  metadataCredentials: number;
  credentialsUri: number;
  /** Metadata requests that carried no IMDSv2 token. */
  metadataWithoutToken: number;
}

export class IdentityServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly tokens = new Map<string, number>();
  readonly counters: IdentityCounters = { assumeRole: 0, metadataToken: 0, metadataCredentials: 0, credentialsUri: 0, metadataWithoutToken: 0 };
  /** Hardened mode (IMDSv2 only): metadata requests without a token answer 403. */
  imdsV2Only = false;
  /** Plain IMDSv1 instance: the token PUT answers 404. */
  imdsV1Only = false;

  constructor(private readonly options: IdentityOptions) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => res.destroy());
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(host: string): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, host, resolve));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('emulator: unexpected identity server address');
    return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const meta: ResponseMeta = { requestId: randomUUID().toUpperCase(), clock: this.options.clock };
    const url = new URL(req.url ?? '/', 'http://identity.invalid');
    const body = await readBody(req, 64 * 1024);
    if (url.pathname === '/') return this.assumeRole(req, res, url, body, meta);
    if (url.pathname === '/credentials' && req.method === 'GET') return this.credentialsUri(res, meta);
    if (url.pathname.startsWith('/latest/')) return this.metadata(req, res, url, meta);
    sendText(res, meta, 404, 'Not Found');
  }

  // ---- STS AssumeRole ------------------------------------------------------------------------
  // https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-assumerole
  // Errors: the AssumeRole error-code table and "STS common errors"
  // (https://www.alibabacloud.com/help/en/oss/how-to-handle-the-common-errors-when-you-access-oss-by-using-sts).

  private assumeRole(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, meta: ResponseMeta): void {
    this.counters.assumeRole += 1;
    try {
      const request = toApiRequest(req, url, body);
      if (!request) throw apiErrors.unsupportedMethod();
      const { keys, nonces, clock } = this.options;
      const call = authenticate(request, { keys, nonces, nowMs: clock.nowMs(), version: '2015-04-01' });
      if (call.action !== 'AssumeRole') throw apiErrors.invalidAction();
      const caller = (request.form['AccessKeyId'] ?? request.query['AccessKeyId'] ?? authorizationKeyId(req)) || '';
      const params = call.params;
      const roleArn = params['RoleArn'];
      if (!roleArn) throw apiErrors.missingParameter('RoleArn');
      const sessionName = params['RoleSessionName'];
      if (!sessionName) throw apiErrors.missingParameter('RoleSessionName');
      if (!/^[A-Za-z0-9.@_-]{2,64}$/.test(sessionName)) {
        throw new ApiError(400, 'InvalidParameter.RoleSessionName', 'The parameter RoleSessionName is wrongly formed.');
      }
      // The role's maximum session duration is 3600 s unless raised (MaxSessionDuration); the minimum is 900 s.
      const duration = params['DurationSeconds'] === undefined ? 3600 : Number(params['DurationSeconds']);
      if (!Number.isInteger(duration) || duration < 900 || duration > 3600) {
        throw new ApiError(400, 'InvalidParameter.DurationSeconds', 'The Min/Max value of DurationSeconds is 15min/1hr.');
      }
      if (params['Policy'] !== undefined && !isPolicy(params['Policy'])) {
        throw new ApiError(400, 'InvalidParameter.PolicyGrammar', 'The parameter Policy has not passed grammar check.');
      }
      if (roleArn !== EMULATOR_ROLE_ARN) throw new ApiError(404, 'EntityNotExist.Role', 'The specified Role not exists .');
      if (!this.options.trusted().includes(caller) && keys.find(caller)?.issued === undefined) {
        throw new ApiError(403, 'NoPermission', "No permission perform sts:AssumeRole on this Role. Maybe you should check the role's trust policy.");
      }
      const expiresMs = clock.nowMs() + duration * 1000;
      const issued = keys.issue(expiresMs);
      sendApiResult(res, meta, 'AssumeRole', {
        AssumedRoleUser: { AssumedRoleId: `3${EMULATOR_ACCOUNT.slice(1)}:${sessionName}`, Arn: `${roleArn}/${sessionName}` },
        Credentials: {
          AccessKeyId: issued.accessKeyId,
          AccessKeySecret: issued.accessKeySecret,
          SecurityToken: issued.securityToken,
          Expiration: isoSeconds(expiresMs),
        },
      }, 'JSON');
    } catch (error) {
      sendApiError(req, res, meta, error instanceof ApiError ? error : apiErrors.internalError());
    }
  }

  // ---- ECS instance metadata ------------------------------------------------------------------
  // https://www.alibabacloud.com/help/en/ecs/user-guide/view-instance-metadata (IMDSv2 token:
  // PUT /latest/api/token with X-aliyun-ecs-metadata-token-ttl-seconds 1..21600; sent back as
  // X-aliyun-ecs-metadata-token) and …/attach-an-instance-ram-role-to-an-ecs-instance (credentials JSON).

  private metadata(req: IncomingMessage, res: ServerResponse, url: URL, meta: ResponseMeta): void {
    const { clock, keys } = this.options;
    if (url.pathname === '/latest/api/token') {
      if (req.method !== 'PUT' || this.imdsV1Only) return sendText(res, meta, req.method !== 'PUT' ? 405 : 404, 'Not Found');
      this.counters.metadataToken += 1;
      const ttl = Number(req.headers['x-aliyun-ecs-metadata-token-ttl-seconds']);
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > 21600) return sendText(res, meta, 400, 'Bad Request');
      const token = randomBytes(24).toString('base64url');
      this.tokens.set(token, clock.nowMs() + ttl * 1000);
      return sendText(res, meta, 200, token);
    }
    if (req.method !== 'GET') return sendText(res, meta, 405, 'Method Not Allowed');
    const token = req.headers['x-aliyun-ecs-metadata-token'];
    if (typeof token === 'string') {
      const expires = this.tokens.get(token);
      if (expires === undefined || expires <= clock.nowMs()) return sendText(res, meta, 401, 'Unauthorized');
    } else {
      this.counters.metadataWithoutToken += 1;
      if (this.imdsV2Only) return sendText(res, meta, 403, 'Forbidden');
    }
    const prefix = '/latest/meta-data/ram/security-credentials/';
    if (url.pathname === prefix) return sendText(res, meta, 200, EMULATOR_INSTANCE_ROLE);
    if (url.pathname !== prefix + EMULATOR_INSTANCE_ROLE) return sendText(res, meta, 404, 'Not Found');
    this.counters.metadataCredentials += 1;
    const now = clock.nowMs();
    const issued = keys.issue(now + INSTANCE_CREDENTIALS_MS);
    sendJson(res, meta, 200, {
      AccessKeyId: issued.accessKeyId,
      AccessKeySecret: issued.accessKeySecret,
      Expiration: isoSeconds(now + INSTANCE_CREDENTIALS_MS),
      SecurityToken: issued.securityToken,
      LastUpdated: isoSeconds(now),
      Code: 'Success',
    });
  }

  // ---- credentials URI ---------------------------------------------------------------------------
  // The shape the official package reads (`@alicloud/credentials`, providers/uri.ts).

  private credentialsUri(res: ServerResponse, meta: ResponseMeta): void {
    this.counters.credentialsUri += 1;
    const expiresMs = this.options.clock.nowMs() + URI_CREDENTIALS_MS;
    const issued = this.options.keys.issue(expiresMs);
    sendJson(res, meta, 200, {
      Code: 'Success',
      AccessKeyId: issued.accessKeyId,
      AccessKeySecret: issued.accessKeySecret,
      SecurityToken: issued.securityToken,
      Expiration: isoSeconds(expiresMs),
    });
  }
}

function authorizationKeyId(req: IncomingMessage): string | undefined {
  return /Credential=([^,]+)/.exec(req.headers.authorization ?? '')?.[1];
}

/** A RAM policy document: JSON with `Version` "1" and a `Statement` list (the grammar check's first step). */
function isPolicy(text: string): boolean {
  try {
    const policy = JSON.parse(text) as { Version?: unknown; Statement?: unknown };
    return policy.Version === '1' && Array.isArray(policy.Statement);
  } catch {
    return false;
  }
}
