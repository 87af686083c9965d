import assert from 'node:assert/strict';
import { DEFAULT_REGION, isLoopbackHost, resolveEndpoint, VOD_REGIONS } from '../../src/vod/endpoint';
import { VodError } from '../../src/vod/errors';

function rejects(options: { region?: string; endpoint?: string }, message: RegExp): VodError {
  let caught: unknown;
  try {
    resolveEndpoint(options);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof VodError, `expected a VodError for ${JSON.stringify(options)}`);
  assert.equal(caught.kind, 'invalidInput');
  assert.match(caught.message, message);
  return caught;
}

describe('endpoint', () => {
  describe('VOD_REGIONS', () => {
    it('lists exactly the regions of the official endpoint page (no me-central-1)', () => {
      assert.deepEqual(
        VOD_REGIONS.map((r) => r.id),
        [
          'cn-shanghai',
          'cn-beijing',
          'cn-shenzhen',
          'cn-hongkong',
          'ap-southeast-1',
          'ap-southeast-5',
          'ap-northeast-1',
          'eu-central-1',
          'us-west-1',
        ],
      );
      for (const region of VOD_REGIONS) assert.ok(region.name.length > 0, region.id);
    });

    it('cannot be modified', () => {
      assert.throws(() => (VOD_REGIONS as VodRegionLike[]).push({ id: 'x', name: 'x' }));
      assert.throws(() => {
        (VOD_REGIONS[0] as VodRegionLike).id = 'evil';
      });
    });
  });

  describe('resolveEndpoint by region', () => {
    it('maps every known region to vod.<region>.aliyuncs.com over https', () => {
      for (const { id } of VOD_REGIONS) {
        assert.equal(resolveEndpoint({ region: id }).href, `https://vod.${id}.aliyuncs.com/`);
      }
    });

    it('maps the cn-hangzhou alias to the Shanghai endpoint', () => {
      assert.equal(resolveEndpoint({ region: 'cn-hangzhou' }).href, 'https://vod.cn-shanghai.aliyuncs.com/');
    });

    it('uses the default region when neither region nor endpoint is given', () => {
      assert.equal(DEFAULT_REGION, 'cn-shanghai');
      assert.equal(resolveEndpoint({}).href, 'https://vod.cn-shanghai.aliyuncs.com/');
      assert.equal(resolveEndpoint({ region: '  ', endpoint: '' }).href, 'https://vod.cn-shanghai.aliyuncs.com/');
    });

    it('rejects an unknown region, listing the known ones and saying to set the endpoint', () => {
      const error = rejects({ region: 'ap-south-1' }, /no endpoint for region "ap-south-1"/);
      for (const { id } of VOD_REGIONS) assert.ok(error.message.includes(id), id);
      assert.match(error.message, /vodImages\.endpoint/);
      const riyadh = rejects({ region: 'me-central-1' }, /no endpoint for region "me-central-1"/);
      assert.match(riyadh.message, /https:\/\/vod\.me-central-1\.aliyuncs\.com/);
      assert.equal(resolveEndpoint({ endpoint: 'vod.me-central-1.aliyuncs.com' }).href, 'https://vod.me-central-1.aliyuncs.com/');
    });

    it('rejects malformed region IDs before anything else', () => {
      for (const region of ['CN-SHANGHAI', 'cn_shanghai', 'evil.com/x', 'cn-shanghai.attacker', 'a b']) {
        rejects({ region }, /not a region ID/);
      }
    });
  });

  describe('resolveEndpoint with an explicit endpoint', () => {
    it('wins over the region', () => {
      assert.equal(resolveEndpoint({ region: 'cn-beijing', endpoint: 'https://vod-vpc.cn-beijing.aliyuncs.com' }).href, 'https://vod-vpc.cn-beijing.aliyuncs.com/');
    });

    it('accepts https with a port and a trailing slash, and a bare host as https', () => {
      assert.equal(resolveEndpoint({ endpoint: 'https://vod.example.com:8443/' }).href, 'https://vod.example.com:8443/');
      assert.equal(resolveEndpoint({ endpoint: ' vod.cn-shanghai.aliyuncs.com ' }).href, 'https://vod.cn-shanghai.aliyuncs.com/');
    });

    it('accepts plain http to every loopback form', () => {
      for (const [endpoint, href] of [
        ['http://localhost:8080', 'http://localhost:8080/'],
        ['http://LOCALHOST', 'http://localhost/'],
        ['http://127.0.0.1:9000/', 'http://127.0.0.1:9000/'],
        ['http://127.1.2.3', 'http://127.1.2.3/'],
        ['http://127.255.255.254', 'http://127.255.255.254/'],
        ['http://[::1]:8080', 'http://[::1]:8080/'],
        ['http://[0:0:0:0:0:0:0:1]', 'http://[::1]/'],
        ['http://[::ffff:127.0.0.1]:1', 'http://[::ffff:7f00:1]:1/'],
        ['http://127.1', 'http://127.0.0.1/'],
        ['http://2130706433', 'http://127.0.0.1/'],
      ] as const) {
        assert.equal(resolveEndpoint({ endpoint }).href, href, endpoint);
      }
    });

    it('rejects plain http to anything else', () => {
      for (const endpoint of [
        'http://example.com',
        'http://vod.cn-shanghai.aliyuncs.com',
        'http://128.0.0.1',
        'http://0.0.0.0:8080',
        'http://10.0.0.1',
        'http://[::2]',
        'http://[::ffff:10.0.0.1]',
        'http://localhost.example.com',
        'http://127.0.0.1.nip.io',
      ]) {
        rejects({ endpoint }, /must use https/);
      }
    });

    it('rejects other schemes', () => {
      rejects({ endpoint: 'ftp://vod.example.com' }, /https URL, not ftp:/);
      rejects({ endpoint: 'ws://localhost' }, /https URL/);
    });

    it('rejects a path, query or fragment', () => {
      rejects({ endpoint: 'https://vod.example.com/api' }, /bare origin/);
      rejects({ endpoint: 'https://vod.example.com/?x=1' }, /bare origin/);
      rejects({ endpoint: 'https://vod.example.com?' }, /bare origin/);
      rejects({ endpoint: 'https://vod.example.com#frag' }, /bare origin/);
    });

    it('rejects credentials in the URL without echoing them', () => {
      const error = rejects({ endpoint: 'https://user:hunter22@vod.example.com' }, /user name or password/);
      assert.ok(!error.message.includes('hunter22'));
      rejects({ endpoint: 'https://user@vod.example.com' }, /user name or password/);
    });

    it('rejects an unparsable endpoint without echoing it', () => {
      const error = rejects({ endpoint: 'https://[bad host secret' }, /not a valid URL/);
      assert.ok(!error.message.includes('secret'));
    });
  });

  describe('isLoopbackHost', () => {
    it('accepts localhost, 127.0.0.0/8 and ::1 in their usual spellings', () => {
      for (const host of ['localhost', 'LocalHost', 'localhost.', '127.0.0.1', '127.1.2.3', '127.255.255.255', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '[::ffff:7f00:1]']) {
        assert.ok(isLoopbackHost(host), host);
      }
    });

    it('rejects everything else', () => {
      for (const host of ['', 'example.com', 'localhost.example.com', 'mylocalhost', '126.0.0.1', '128.0.0.1', '0.0.0.0', '::', '::2', '::ffff:10.0.0.1', '1127.0.0.1', '127.0.0.256', '[::1', 'fe80::1']) {
        assert.equal(isLoopbackHost(host), false, host);
      }
    });
  });
});

interface VodRegionLike {
  id: string;
  name: string;
}
