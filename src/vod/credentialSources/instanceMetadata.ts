/**
 * The ECS instance metadata service, as the official package's `ECSRAMRoleCredentialsProvider` reads it
 * (`@alicloud/credentials` 2.4.7, providers/ecs_ram_role.ts): an IMDSv2 token first
 * (`PUT /latest/api/token`, `x-aliyun-ecs-metadata-token-ttl-seconds: 21600`), sent as
 * `x-aliyun-ecs-metadata-token`; without a token (or when a request with it fails) the same request again
 * without one (IMDSv1), unless IMDSv1 is disabled. The role comes from
 * `/latest/meta-data/ram/security-credentials/` when the profile names none; the credentials from
 * `…/security-credentials/<role>`, whose `Code` must be `Success`.
 * Reference: https://www.alibabacloud.com/help/en/ecs/user-guide/attach-an-instance-ram-role-to-an-ecs-instance
 */
import { VodError } from '../errors';
import { msg } from '../messages';
import type { SourceRuntime, TemporarySource } from '../temporaryCredentials';
import type { TransportResponse } from '../transport';
import { credentialsOf, invalidAnswer, parseJson } from './answer';
import type { Expiring } from './refreshCache';

type InstanceMetadata = Extract<TemporarySource, { kind: 'instanceMetadata' }>;

const FROM = msg('source.instanceMetadata');
const ROLE_PATH = '/latest/meta-data/ram/security-credentials/';
/** The metadata service answers in milliseconds on an instance; off an instance nothing answers at all. */
const TIMEOUT_MS = 3_000;

export async function instanceMetadata(source: InstanceMetadata, runtime: SourceRuntime): Promise<Expiring> {
  const origin = runtime.metadataOrigin;
  const token = await metadataToken(origin, source, runtime);
  const roleName = source.roleName ?? (await get(origin, ROLE_PATH, token, source, runtime)).body.toString('utf8').trim().split('\n')[0]?.trim();
  if (!roleName || !/^[\w.@-]{1,64}$/.test(roleName)) throw invalidAnswer(FROM, msg('source.noRole'));
  const fields = parseJson(await get(origin, ROLE_PATH + encodeURIComponent(roleName), token, source, runtime), FROM);
  const expiring = credentialsOf(fields, FROM);
  if (fields['Code'] !== 'Success') throw invalidAnswer(FROM, msg('source.notSuccess'));
  return expiring;
}

async function metadataToken(origin: string, source: InstanceMetadata, runtime: SourceRuntime): Promise<string | undefined> {
  try {
    const response = await send(origin, 'PUT', '/latest/api/token', { 'x-aliyun-ecs-metadata-token-ttl-seconds': '21600' }, runtime);
    if (response.status !== 200) throw statusError(response.status);
    return response.body.toString('utf8');
  } catch (error) {
    if (source.imdsV1Disabled) throw error;
    return undefined;
  }
}

async function get(origin: string, path: string, token: string | undefined, source: InstanceMetadata, runtime: SourceRuntime): Promise<TransportResponse> {
  const once = async (withToken: string | undefined): Promise<TransportResponse> => {
    const response = await send(origin, 'GET', path, withToken === undefined ? {} : { 'x-aliyun-ecs-metadata-token': withToken }, runtime);
    if (response.status !== 200) throw statusError(response.status);
    return response;
  };
  try {
    return await once(token);
  } catch (error) {
    if (token === undefined || source.imdsV1Disabled) throw error;
    return once(undefined);
  }
}

function send(origin: string, method: 'GET' | 'PUT', path: string, headers: Record<string, string>, runtime: SourceRuntime): Promise<TransportResponse> {
  return runtime.transport.request({ method, url: origin + path, headers, timeoutMs: TIMEOUT_MS, direct: true });
}

function statusError(status: number): VodError {
  const kind = status === 404 ? 'notFound' : status >= 500 ? 'server' : 'auth';
  return new VodError(kind, msg('source.metadataStatus', { status }), { httpStatus: status });
}
