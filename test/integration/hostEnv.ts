/** What the host runner hands the extension host: where the emulator is and which fixture IDs to use. */
export interface IntegrationEnv {
  /** e.g. http://127.0.0.1:PORT */
  readonly endpoint: string;
  /** Same server; `POST {control}/__emulator/faults` injects faults. */
  readonly control: string;
  /** Fixture image IDs by trait (`any`, `png`, `blocked`, …) plus `missing`. */
  readonly imageIds: Readonly<Record<string, string>>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite through test/host (npm run test:integration)`);
  return value;
}

export function integrationEnv(): IntegrationEnv {
  return {
    endpoint: required('VOD_EMULATOR_ENDPOINT'),
    control: required('VOD_EMULATOR_CONTROL'),
    imageIds: JSON.parse(required('VOD_TEST_IMAGE_IDS')) as Record<string, string>,
  };
}

/** Looks up a fixture ID by trait, failing loudly when the emulator has none with that trait. */
export function imageId(trait: string): string {
  const id = integrationEnv().imageIds[trait];
  if (!id) throw new Error(`no fixture image with trait "${trait}" in VOD_TEST_IMAGE_IDS`);
  return id;
}
