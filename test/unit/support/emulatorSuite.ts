/**
 * One emulator and one undici transport for a mocha suite: started in `before`, closed in `after`.
 * The suites that drive the real client against the emulator all need exactly this.
 */
import { VodClient, type VodClientOptions } from '../../../src/vod/client';
import { createUndiciTransport, type Transport } from '../../../src/vod/transport';
import { startEmulator, type RunningEmulator } from '../../emulator';

export class EmulatorSuite {
  emulator!: RunningEmulator;
  transport!: Transport;

  /** A client for the emulator with its demo key; any option can be overridden. */
  client(options: Partial<VodClientOptions> = {}): VodClient {
    const credentials = this.emulator.credentials;
    return new VodClient({ endpoint: new URL(this.emulator.endpoint), credentials: async () => credentials, transport: this.transport, ...options });
  }
}

/** Registers the suite's hooks; call it inside `describe`. */
export function emulatorSuite(): EmulatorSuite {
  const suite = new EmulatorSuite();
  before(async () => {
    suite.emulator = await startEmulator({ port: 0 });
    suite.transport = createUndiciTransport({ env: {} });
  });
  after(async () => {
    await suite.transport.close();
    await suite.emulator.close();
  });
  return suite;
}
