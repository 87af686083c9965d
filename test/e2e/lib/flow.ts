import type { Page } from '../../host/lib/playwright';

/** What a flow gets: a loaded workbench with the extension active, and the emulator's fixture IDs. */
export interface FlowContext {
  readonly page: Page;
  /** Fixture image IDs by trait (`any`, `png`, `jpeg`, `blocked`, …) plus `missing`. */
  readonly imageIds: Readonly<Record<string, string>>;
  readonly emulatorEndpoint: string;
  /** Saves test-results/e2e/<flow>-<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
}

export interface Flow {
  readonly name: string;
  run(ctx: FlowContext): Promise<void>;
}

/**
 * Declares a flow. A flow file is `test/e2e/<name>.flow.ts` whose default export is `flow(...)`;
 * test/host/run-e2e.ts finds it, opens a fresh browser on the demo workspace and runs it.
 */
export function flow(name: string, run: (ctx: FlowContext) => Promise<void>): Flow {
  return { name, run };
}
