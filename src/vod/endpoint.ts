/**
 * Where signed requests go. Either a known region (→ `https://vod.<region>.aliyuncs.com/`) or an
 * explicit endpoint URL. Since every request carries a signature, an endpoint is only accepted over
 * https, except on loopback (the local emulator), and never with a path, query or credentials in it.
 */
import { isIPv4 } from 'node:net';
import { VodError } from './errors';
import { msg } from './messages';

export interface VodRegion {
  readonly id: string;
  readonly name: string;
}

/**
 * VOD regions with a public endpoint, exactly those on the official endpoint page
 * (https://www.alibabacloud.com/help/en/vod/developer-reference/api-vod-2017-03-21-endpoint, reference §2).
 * `me-central-1` appears only on the general region-ID page, not there, so it is not listed: such a
 * region works through an explicit endpoint setting.
 */
export const VOD_REGIONS: readonly VodRegion[] = Object.freeze([
  { id: 'cn-shanghai', name: 'China (Shanghai)' },
  { id: 'cn-beijing', name: 'China (Beijing)' },
  { id: 'cn-shenzhen', name: 'China (Shenzhen)' },
  { id: 'cn-hongkong', name: 'China (Hong Kong)' },
  { id: 'ap-southeast-1', name: 'Singapore' },
  { id: 'ap-southeast-5', name: 'Indonesia (Jakarta)' },
  { id: 'ap-northeast-1', name: 'Japan (Tokyo)' },
  { id: 'eu-central-1', name: 'Germany (Frankfurt)' },
  { id: 'us-west-1', name: 'US (Silicon Valley)' },
].map((region) => Object.freeze(region)));

/** Used when neither a region nor an endpoint is configured. */
export const DEFAULT_REGION = 'cn-shanghai';

/**
 * Region IDs that are accepted but served by another region's endpoint. The official SDK maps
 * `cn-hangzhou` (the Alibaba Cloud CLI's default region) to Shanghai, where VOD's east-China
 * center lives.
 */
const REGION_ALIASES: ReadonlyMap<string, string> = new Map([['cn-hangzhou', 'cn-shanghai']]);

const REGION_ID = /^[a-z0-9-]+$/;

export interface EndpointOptions {
  readonly region?: string | undefined;
  readonly endpoint?: string | undefined;
}

/**
 * The base URL (origin with path `/`) to send requests to. An explicit endpoint wins over the
 * region; both empty means {@link DEFAULT_REGION}. Throws a VodError `invalidInput` for an unknown
 * or malformed region and for an endpoint that is not a bare https origin (http only on loopback).
 */
export function resolveEndpoint(options: EndpointOptions): URL {
  const endpoint = options.endpoint?.trim();
  if (endpoint) return checkEndpoint(endpoint);
  return regionEndpoint(options.region?.trim() || DEFAULT_REGION);
}

/** The public endpoint of a region ID (aliases included). */
function regionEndpoint(region: string): URL {
  if (!REGION_ID.test(region)) {
    throw new VodError('invalidInput', msg('endpoint.badRegion', { region, example: DEFAULT_REGION }));
  }
  const target = REGION_ALIASES.get(region) ?? region;
  if (!VOD_REGIONS.some((known) => known.id === target)) {
    const known = VOD_REGIONS.map((r) => r.id).join(', ');
    throw new VodError('invalidInput', msg('endpoint.unknownRegion', { region, known }));
  }
  return new URL(`https://vod.${target}.aliyuncs.com/`);
}

/** A bare host such as `vod.cn-shanghai.aliyuncs.com` is read as https. */
function parseEndpoint(endpoint: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  try {
    return new URL(withScheme);
  } catch {
    // The raw text is not echoed: a malformed URL may still hold a pasted password.
    throw new VodError('invalidInput', msg('endpoint.notUrl'));
  }
}

function checkEndpoint(endpoint: string): URL {
  const url = parseEndpoint(endpoint);
  if (url.username !== '' || url.password !== '') {
    throw new VodError('invalidInput', msg('endpoint.userInfo'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new VodError('invalidInput', msg('endpoint.protocol', { protocol: url.protocol }));
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new VodError('invalidInput', msg('endpoint.plainHttp', { host: url.host }));
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || endpoint.includes('?') || endpoint.includes('#')) {
    throw new VodError('invalidInput', msg('endpoint.notOrigin', { host: url.host }));
  }
  return new URL(url.origin + '/');
}

/**
 * True for hosts that can only mean this machine: `localhost`, IPv4 127.0.0.0/8, IPv6 `::1` and
 * IPv4-mapped loopback (`::ffff:127.0.0.1`), with or without IPv6 brackets or a trailing dot.
 * Hosts are taken as a URL's `hostname` (no port). Names that merely resolve to loopback through
 * DNS or /etc/hosts are not trusted: resolution can change under us.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (bare === 'localhost') return true;
  if (isIPv4(bare)) return bare.startsWith('127.');
  if (!bare.includes(':')) return false;
  return isLoopbackIPv6(bare);
}

function isLoopbackIPv6(address: string): boolean {
  let canonical: string;
  try {
    // The URL parser canonicalises IPv6 (0:0:0:0:0:0:0:1 → ::1, ::ffff:127.0.0.1 → ::ffff:7f00:1).
    canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return false;
  }
  if (canonical === '::1') return true;
  // IPv4-mapped: the first 16 bits of the IPv4 part are 0x7fXX for 127.X.
  return /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(canonical);
}
