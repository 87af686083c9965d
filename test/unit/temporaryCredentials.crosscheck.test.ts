/**
 * Our temporary-credential sources against the official `@alicloud/credentials` (a dev dependency) for the
 * same profile and the same answers. The package always speaks https to STS and to 100.100.100.200, so it
 * is pointed at the emulator through its own seam (`doRequest`, "used for mock" in its source): every
 * request it builds is recorded and sent to the emulator's identity listener as it is. Each side then
 * (1) sends the same AssumeRole parameters and passes the emulator's signature check, (2) asks the metadata
 * service the same requests, and (3) reads a fixed answer into the same credentials.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { resolveCredentials, type CredentialFs } from '../../src/vod/credentials';
import { credentialProvider } from '../../src/vod/temporaryCredentials';
import type { Transport, TransportRequest } from '../../src/vod/transport';
import { emulatorSuite } from './support/emulatorSuite';

/* eslint-disable @typescript-eslint/no-require-imports */
const official = {
  http: require('@alicloud/credentials/dist/src/providers/http'),
  staticAk: require('@alicloud/credentials/dist/src/providers/static_ak').default,
  ramRoleArn: require('@alicloud/credentials/dist/src/providers/ram_role_arn').default,
  ecsRamRole: require('@alicloud/credentials/dist/src/providers/ecs_ram_role').default,
  uri: require('@alicloud/credentials/dist/src/providers/uri').default,
};

interface OfficialRequest {
  method: string;
  protocol: string;
  host: string;
  path: string;
  queries: Record<string, string>;
  headers: Record<string, string>;
  bodyForm?: Record<string, string>;
}

interface Seen {
  method: string;
  path: string;
  params: Record<string, string>;
  headers: Record<string, string>;
}

const HOME = '/home/tester';
function configFs(config: unknown): CredentialFs {
  return { homeDir: () => HOME, readFile: async (path) => (path === join(HOME, '.aliyun', 'config.json') ? JSON.stringify(config) : Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }))) };
}

/** Parameters that differ by design on every request. */
const PER_REQUEST = ['Signature', 'SignatureNonce', 'Timestamp'];

function withoutPerRequest(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => !PER_REQUEST.includes(name)));
}

describe('temporary credentials: cross-check with @alicloud/credentials', function () {
  const suite = emulatorSuite();

  /** The official provider's requests, sent to `origin` instead of its https host. */
  function redirect(provider: { doRequest: (r: OfficialRequest) => Promise<unknown> }, origin: string, seen: Seen[]): void {
    provider.doRequest = (request: OfficialRequest) => {
      const target = new URL(origin);
      request.protocol = target.protocol.replace(':', '');
      request.host = target.host;
      seen.push({ method: request.method, path: request.path, params: { ...request.queries, ...(request.bodyForm ?? {}) }, headers: lower(request.headers) });
      return official.http.doRequest(request);
    };
  }

  /** Our transport, recording what it sends. */
  function recording(seen: Seen[], answer?: (request: TransportRequest) => Promise<{ status: number; body: Buffer }>): Transport {
    return {
      ...suite.transport,
      request: async (request) => {
        const url = new URL(request.url);
        const params = Object.fromEntries(new URLSearchParams(request.body ?? url.search));
        seen.push({ method: request.method, path: url.pathname, params, headers: lower(request.headers) });
        if (answer) return { ...(await answer(request)), headers: {} };
        return suite.transport.request(request);
      },
    };
  }

  it('AssumeRole: the same parameters, both accepted by the emulator, both issuing working keys', async () => {
    const { accessKeyId, accessKeySecret } = suite.emulator.credentials;
    const sts = suite.emulator.identity.stsEndpoint;
    const policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'vod:*', Resource: '*' }] });
    const theirs: Seen[] = [];
    const provider = official.ramRoleArn
      .builder()
      .withCredentialsProvider(official.staticAk.builder().withAccessKeyId(accessKeyId).withAccessKeySecret(accessKeySecret).build())
      .withRoleArn(suite.emulator.identity.roleArn)
      .withRoleSessionName('cross-check')
      .withDurationSeconds(1800)
      .withPolicy(policy)
      .build();
    redirect(provider, sts, theirs);
    const officialCredentials = await provider.getCredentials();

    const ours: Seen[] = [];
    const resolved = await resolveCredentials({
      env: {},
      fs: configFs({
        current: 'role',
        profiles: [{ name: 'role', mode: 'RamRoleArn', access_key_id: accessKeyId, access_key_secret: accessKeySecret, ram_role_arn: suite.emulator.identity.roleArn, ram_session_name: 'cross-check', expired_seconds: 1800, policy }],
      }),
    });
    const ourCredentials = await credentialProvider(resolved!, { transport: recording(ours), stsEndpoint: sts })();

    assert.equal(theirs.length, 1);
    assert.equal(ours.length, 1);
    assert.equal(ours[0]!.method, theirs[0]!.method);
    assert.deepEqual(withoutPerRequest(ours[0]!.params), withoutPerRequest(theirs[0]!.params));
    for (const credentials of [officialCredentials, ourCredentials]) {
      assert.match(credentials.accessKeyId, /^STS\./);
      const id = suite.emulator.images[0]!.imageId;
      const info = await suite.client({ credentials: async () => credentials }).getImageInfo(id);
      assert.equal(info.ImageId, id);
    }
  });

  it('instance metadata: the same requests (token PUT, role discovery, credentials), read into the same credentials', async () => {
    const origin = suite.emulator.identity.metadataOrigin;
    const theirs: Seen[] = [];
    const provider = official.ecsRamRole.builder().build();
    redirect(provider, origin, theirs);
    await provider.getCredentials();

    const ours: Seen[] = [];
    const resolved = await resolveCredentials({ env: {}, fs: configFs({ current: 'ecs', profiles: [{ name: 'ecs', mode: 'EcsRamRole', ram_role_name: '' }] }) });
    await credentialProvider(resolved!, { transport: recording(ours), metadataOrigin: origin })();

    // The package asks for a token before each of its two reads; one token serves both here.
    const shape = (list: Seen[]) =>
      list
        .map((r) => `${r.method} ${r.path} ${r.headers['x-aliyun-ecs-metadata-token-ttl-seconds'] ?? ''}${r.headers['x-aliyun-ecs-metadata-token'] ? ' token' : ''}`)
        .filter((line, index, all) => all.indexOf(line) === index);
    assert.deepEqual(shape(ours), shape(theirs));

    // A fixed answer: both read it the same way.
    const answer = { AccessKeyId: 'STS.NTFixedKeyId0001', AccessKeySecret: 'FixedSecret0123456789', SecurityToken: 'CAISfixedtoken', Expiration: '2099-01-01T00:00:00Z', LastUpdated: '2098-12-31T18:00:00Z', Code: 'Success' };
    const fixed = async (request: TransportRequest) =>
      request.method === 'PUT' ? { status: 200, body: Buffer.from('tok') } : { status: 200, body: Buffer.from(request.url.endsWith('/') ? 'EcsVodReader' : JSON.stringify(answer)) };
    const mine = await credentialProvider(resolved!, { transport: recording([], fixed), metadataOrigin: origin })();
    const fixedOfficial = official.ecsRamRole.builder().withRoleName('EcsVodReader').build();
    fixedOfficial.doRequest = async (request: OfficialRequest) => {
      const body = await fixed({ method: request.method as 'GET', url: request.path, headers: {} });
      return { statusCode: body.status, headers: {}, body: body.body };
    };
    const theirsFixed = await fixedOfficial.getCredentials();
    assert.deepEqual(mine, { accessKeyId: theirsFixed.accessKeyId, accessKeySecret: theirsFixed.accessKeySecret, securityToken: theirsFixed.securityToken });
  });

  describe('credentials URI', () => {
    let server: Server;
    let uri = '';
    let body = '';
    before(async () => {
      server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/creds`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('reads the same answer into the same credentials, and refuses the same incomplete ones', async () => {
      const resolved = await resolveCredentials({ env: { ALIBABA_CLOUD_CREDENTIALS_URI: uri }, fs: configFs({}) });
      const read = async () => {
        const mine = await credentialProvider(resolved!, { transport: suite.transport })().then((c) => ({ ok: c }), () => ({ failed: true }));
        const theirs = await official.uri
          .builder()
          .withCredentialsURI(uri)
          .build()
          .getCredentials()
          .then((c: { accessKeyId: string; accessKeySecret: string; securityToken: string }) => ({ ok: { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken } }), () => ({ failed: true }));
        return { mine, theirs };
      };
      body = JSON.stringify({ AccessKeyId: 'STS.NTUriKey0001', AccessKeySecret: 'UriSecret0123', SecurityToken: 'CAISuri', Expiration: '2099-01-01T00:00:00Z' });
      const good = await read();
      assert.deepEqual(good.mine, good.theirs);
      assert.ok('ok' in good.mine);
      for (const broken of [{ AccessKeyId: 'STS.x', AccessKeySecret: 'y', Expiration: '2099-01-01T00:00:00Z' }, { AccessKeyId: 'STS.x', AccessKeySecret: 'y', SecurityToken: 'z' }]) {
        body = JSON.stringify(broken);
        const outcome = await read();
        assert.deepEqual(outcome.mine, outcome.theirs, JSON.stringify(broken));
        assert.ok('failed' in outcome.mine);
      }
    });
  });
});

function lower(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
