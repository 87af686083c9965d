/**
 * `npm run emulator [-- --port N] [--host H] [--json]` — runs the VOD emulator until SIGINT/SIGTERM.
 * With --json it prints exactly one JSON line (endpoint, credentials, sample IDs) for a parent process
 * to read; otherwise a short human guide.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './index';
import type { FixtureImage, RunningEmulator } from './types';

const USAGE = `Usage: tsx test/emulator/main.ts [--port N] [--host ADDRESS] [--json]
  --port N     port to listen on (default 0 = any free port)
  --host ADDR  interface to bind (default 127.0.0.1)
  --json       print one JSON line with the endpoint and credentials, nothing else
`;

async function main(): Promise<void> {
  let values: { port?: string; host?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, host: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be an integer 0..65535\n${USAGE}`);
    process.exit(2);
  }

  const emulator = await startEmulator({ port, ...(values.host ? { host: values.host } : {}) });
  process.stdout.write(values.json ? `${JSON.stringify(summary(emulator))}\n` : guide(emulator));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!values.json) process.stdout.write(`\n${signal}: stopping the emulator\n`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Sample IDs by trait, for a parent process (e.g. the integration tests) to pick from. */
function samples(images: readonly FixtureImage[]): Record<string, string> {
  const traits = ['plain', 'png', 'jpeg', 'gif', 'large', 'blocked', 'uploading', 'uploadFail', 'hostile', 'unicode', 'sparse', 'noMezzanine', 'cover'];
  const out: Record<string, string> = {};
  for (const trait of traits) {
    const image = images.find((i) => i.traits.includes(trait) && !i.traits.includes('bulk'));
    if (image) out[trait] = image.imageId;
  }
  return out;
}

function summary(emulator: RunningEmulator): Record<string, unknown> {
  // STS and forbidden keys are nested so nobody passes the STS token along with the demo AccessKey.
  return {
    endpoint: emulator.endpoint,
    port: emulator.port,
    accessKeyId: emulator.credentials.accessKeyId,
    accessKeySecret: emulator.credentials.accessKeySecret,
    sts: emulator.stsCredentials,
    expiredSecurityToken: emulator.expiredSecurityToken,
    forbidden: emulator.forbiddenCredentials,
    readOnly: emulator.readOnlyCredentials,
    missingImageId: emulator.missingImageId,
    control: `${emulator.endpoint}/__emulator/`,
    samples: samples(emulator.images),
  };
}

function guide(emulator: RunningEmulator): string {
  const { endpoint, credentials } = emulator;
  const sample = samples(emulator.images);
  const ids = Object.entries(sample)
    .slice(0, 8)
    .map(([trait, id]) => `  ${id}  (${trait})`)
    .join('\n');
  return `VOD emulator listening on ${endpoint}

Demo credentials (they only unlock this emulator):
  ALIBABA_CLOUD_ACCESS_KEY_ID=${credentials.accessKeyId}
  ALIBABA_CLOUD_ACCESS_KEY_SECRET=${credentials.accessKeySecret}

Some image IDs:
${ids}

Try the CLI:
  export ALIBABA_CLOUD_ACCESS_KEY_ID=${credentials.accessKeyId}
  export ALIBABA_CLOUD_ACCESS_KEY_SECRET=${credentials.accessKeySecret}
  vodimg --endpoint ${endpoint} info ${sample['plain'] ?? emulator.images[0]?.imageId ?? ''}

Control API (loopback only): POST ${endpoint}/__emulator/faults  {"latencyMs":200,"throttle":1}
                             POST ${endpoint}/__emulator/reset    GET ${endpoint}/__emulator/stats
Press Ctrl+C to stop.
`;
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
