import { strict as assert } from 'node:assert';
import { renderMessage } from '../../src/vod/messages';
import manifest from '../../package.json';
import { DEFAULT_SETTINGS, isRegionExplicit, MAX_SCAN_FILE_SIZE, parseSettings, readSettings } from '../../src/ui/settings';
import { VOD_REGIONS } from '../../src/vod/endpoint';

type Props = Record<string, { default?: unknown; enum?: unknown[]; scope?: string; maximum?: number }>;
const props = (manifest.contributes as unknown as { configuration: { properties: Props } }).configuration.properties;

/** The manifest key of each UiSettings field: the manifest is the independent reference. */
const KEYS: Record<keyof typeof DEFAULT_SETTINGS, string> = {
  region: 'region',
  endpoint: 'endpoint',
  signatureVersion: 'signatureVersion',
  outputType: 'outputType',
  urlExpirySeconds: 'urlExpiry',
  hoverEnabled: 'hover.enabled',
  idPattern: 'idPattern',
  requestTimeoutSeconds: 'requestTimeout',
  decorations: 'decorations',
  diagnosticsEnabled: 'diagnostics.enabled',
  diagnosticsReportMissing: 'diagnostics.reportMissing',
  scanInclude: 'scan.include',
  scanExclude: 'scan.exclude',
  scanMaxFileSize: 'scan.maxFileSize',
};

function reader(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

describe('ui/settings', () => {
  it('declares every setting in package.json, with the defaults the code falls back to', () => {
    for (const [field, key] of Object.entries(KEYS)) {
      const declared = props[`vodImages.${key}`];
      assert.ok(declared, `vodImages.${key} is not contributed`);
      const expected = DEFAULT_SETTINGS[field as keyof typeof DEFAULT_SETTINGS];
      assert.deepEqual(declared.default, expected === undefined ? '' : expected, key);
    }
    assert.deepEqual(Object.keys(props).sort(), Object.values(KEYS).map((k) => `vodImages.${k}`).sort());
  });

  it('offers exactly the core regions and keeps the endpoint machine-scoped and restricted', () => {
    assert.deepEqual(props['vodImages.region']?.enum, VOD_REGIONS.map((r) => r.id));
    assert.equal(props['vodImages.endpoint']?.scope, 'machine');
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('vodImages.endpoint'));
  });

  it('keeps the ID pattern out of reach of a workspace: machine scope, restricted, at most 100 characters', () => {
    assert.equal(props['vodImages.idPattern']?.scope, 'machine');
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('vodImages.idPattern'));
  });

  it('keeps the signed-URL defaults (validity, output type) out of reach of an untrusted workspace', () => {
    const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    for (const key of ['vodImages.urlExpiry', 'vodImages.outputType']) assert.ok(restricted.includes(key), key);
    assert.equal(props['vodImages.urlExpiry']?.maximum, 3650 * 86400);
  });

  it('caps scan.maxFileSize at 16 MiB (16 files are read at once) and keeps it from untrusted workspaces', () => {
    const { settings, problems } = parseSettings(reader({ 'scan.maxFileSize': 2 ** 31 }));
    assert.equal(settings.scanMaxFileSize, MAX_SCAN_FILE_SIZE);
    assert.equal(MAX_SCAN_FILE_SIZE, 16 * 1024 * 1024);
    assert.deepEqual(problems.map((p) => p.key), ['vodImages.scan.maxFileSize']);
    assert.equal(parseSettings(reader({ 'scan.maxFileSize': MAX_SCAN_FILE_SIZE })).problems.length, 0);
    assert.equal(props['vodImages.scan.maxFileSize']?.maximum, MAX_SCAN_FILE_SIZE);
    assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('vodImages.scan.maxFileSize'));
  });

  it('reads nothing as the defaults, without problems', () => {
    const { settings, problems } = parseSettings(reader({}));
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual(problems, []);
  });

  it('takes valid values as they are', () => {
    const { settings, problems } = parseSettings(
      reader({
        region: 'eu-central-1',
        endpoint: ' http://127.0.0.1:9000 ',
        signatureVersion: 'v1',
        outputType: 'oss',
        urlExpiry: 900,
        'hover.enabled': false,
        idPattern: '[0-9A-F]{32}',
        requestTimeout: 2.5,
        decorations: 'visible',
        'diagnostics.enabled': false,
        'diagnostics.reportMissing': true,
        'scan.include': ['src/**', 'docs/**/*.md'],
        'scan.exclude': ['**/fixtures/**'],
        'scan.maxFileSize': 4096,
      }),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      region: 'eu-central-1',
      endpoint: 'http://127.0.0.1:9000',
      signatureVersion: 'v1',
      outputType: 'oss',
      urlExpirySeconds: 900,
      hoverEnabled: false,
      idPattern: '[0-9A-F]{32}',
      requestTimeoutSeconds: 2.5,
      decorations: 'visible',
      diagnosticsEnabled: false,
      diagnosticsReportMissing: true,
      scanInclude: ['src/**', 'docs/**/*.md'],
      scanExclude: ['**/fixtures/**'],
      scanMaxFileSize: 4096,
    });
  });

  it('replaces each invalid value by its default and names the setting', () => {
    const { settings, problems } = parseSettings(
      reader({
        region: 'mars-north-1',
        signatureVersion: 'v2',
        outputType: 42,
        urlExpiry: -5,
        'hover.enabled': 'yes',
        idPattern: '([',
        requestTimeout: 10_000,
      }),
    );
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual(problems.map((p) => p.key).sort(), [
      'vodImages.hover.enabled',
      'vodImages.idPattern',
      'vodImages.outputType',
      'vodImages.region',
      'vodImages.requestTimeout',
      'vodImages.signatureVersion',
      'vodImages.urlExpiry',
    ]);
    assert.match(renderMessage(problems.find((p) => p.key === 'vodImages.region')!.reason), /cn-shanghai/);
  });

  it('clamps an expiry beyond what the chosen output type allows (OSS: 30 days, CDN: 10 years), with one problem', () => {
    const oss = parseSettings(reader({ outputType: 'oss', urlExpiry: 40 * 86400 }));
    assert.equal(oss.settings.urlExpirySeconds, 30 * 86400);
    assert.deepEqual(oss.problems.map((p) => p.key), ['vodImages.urlExpiry']);
    const huge = parseSettings(reader({ outputType: 'cdn', urlExpiry: 3650 * 86400 * 3 }));
    assert.equal(huge.settings.urlExpirySeconds, 3650 * 86400);
    assert.equal(huge.problems.length, 1);
    const cdn = parseSettings(reader({ outputType: 'cdn', urlExpiry: 40 * 86400 }));
    assert.equal(cdn.settings.urlExpirySeconds, 40 * 86400);
    assert.deepEqual(cdn.problems, []);
  });

  it('rejects an ID pattern that matches the empty string', () => {
    const { settings, problems } = parseSettings(reader({ idPattern: 'x*' }));
    assert.equal(settings.idPattern, DEFAULT_SETTINGS.idPattern);
    assert.equal(problems.length, 1);
  });

  it('keeps an unsafe endpoint (never silently redirected) but reports it', () => {
    const { settings, problems } = parseSettings(reader({ endpoint: 'http://vod.example.com' }));
    assert.equal(settings.endpoint, 'http://vod.example.com');
    assert.deepEqual(problems.map((p) => p.key), ['vodImages.endpoint']);
    assert.match(renderMessage(problems[0]!.reason), /https/);
  });

  it('reads an empty endpoint as "use the region"', () => {
    assert.equal(parseSettings(reader({ endpoint: '   ' })).settings.endpoint, undefined);
  });

  it('reads through a WorkspaceConfiguration-like get()', () => {
    const seen: string[] = [];
    const result = readSettings({
      get: <T>(key: string): T | undefined => {
        seen.push(key);
        return (key === 'region' ? 'cn-beijing' : undefined) as T | undefined;
      },
    } as never);
    assert.equal(result.settings.region, 'cn-beijing');
    assert.ok(seen.includes('hover.enabled') && seen.includes('requestTimeout'));
  });

  it('tells whether the user set the region anywhere', () => {
    const inspect = (info: object | undefined) => ({ inspect: () => info }) as never;
    assert.equal(isRegionExplicit(inspect(undefined)), false);
    assert.equal(isRegionExplicit(inspect({ key: 'region', defaultValue: 'cn-shanghai' })), false);
    assert.equal(isRegionExplicit(inspect({ key: 'region', defaultValue: 'cn-shanghai', globalValue: 'cn-beijing' })), true);
    assert.equal(isRegionExplicit(inspect({ key: 'region', workspaceFolderValue: 'cn-beijing' })), true);
  });
});
