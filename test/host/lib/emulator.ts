import { startEmulator } from '../../emulator';
import type { RunningEmulator } from '../../emulator/types';

export type { RunningEmulator };

/** Fixture IDs by trait (first image with each trait), plus `missing`: an ID the emulator does not know. */
export function imageIdsByTrait(emulator: RunningEmulator): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const image of emulator.images) {
    ids.any ??= image.imageId;
    for (const trait of image.traits) ids[trait] ??= image.imageId;
  }
  ids.missing = emulator.missingImageId;
  return ids;
}

/** What the extension host sees: the emulator to talk to and the demo AccessKey its credential chain picks up. */
export function emulatorEnv(emulator: RunningEmulator): Record<string, string> {
  return {
    VOD_EMULATOR_ENDPOINT: emulator.endpoint,
    VOD_EMULATOR_CONTROL: emulator.endpoint,
    ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.credentials.accessKeySecret,
    VOD_TEST_IMAGE_IDS: JSON.stringify(imageIdsByTrait(emulator)),
  };
}

/** User settings for a host pointed at the emulator. */
export function hostSettings(emulator: RunningEmulator): Record<string, unknown> {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.enabled': false,
    'vodImages.endpoint': emulator.endpoint,
  };
}

export { startEmulator };
