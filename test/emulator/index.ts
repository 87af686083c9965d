/**
 * A local ApsaraVideo VOD (2017-03-21) image API for tests, benchmarks and the demo.
 *
 *   const emulator = await startEmulator({ port: 0 });
 *   // emulator.endpoint = 'http://127.0.0.1:PORT', emulator.credentials = the demo AccessKey
 *   emulator.faults.set({ throttle: 2 });
 *   await emulator.close();
 *
 * Behaviour follows the official VOD API documentation: V3 and V1 signatures verified with the official
 * SDK's functions, gateway error codes, GetImageInfo(s)/SearchMedia/GetCategories over a fixed fixture
 * library (fixtures.ts), signed image URLs served by the emulator itself, and fault injection.
 */
import { EmulatorClock } from './clock';
import { DEMO_CREDENTIALS, EXPIRED_SECURITY_TOKEN, FORBIDDEN_CREDENTIALS, IMAGES_ONLY_CREDENTIALS, KeyRing, READ_ONLY_CREDENTIALS, STS_CREDENTIALS } from './credentials';
import { FaultState } from './faults';
import { getLibrary, MISSING_IMAGE_ID, toFixtureImage } from './fixtures';
import { warmImageBytes } from './imageBytes';
import { NonceStore } from './nonces';
import { EmulatorServer } from './server';
import { StatsCounter } from './stats';
import { getVideoLibrary, toFixtureVideo } from './videoFixtures';
import type { EmulatorOptions, RunningEmulator } from './types';
import { WritableLibrary } from './writes';

export type {
  AccessKeyPair,
  EmulatorOptions,
  EmulatorStats,
  FaultPlan,
  FixtureImage,
  FixtureVideo,
  RunningEmulator,
  StsCredentials,
} from './types';
export { DEMO_CREDENTIALS, FORBIDDEN_CREDENTIALS, IMAGES_ONLY_CREDENTIALS, READ_ONLY_CREDENTIALS, STS_CREDENTIALS } from './credentials';
export { BULK_VIDEO_COUNT, videoIdFor } from './videoFixtures';
export { BULK_IMAGE_COUNT, MISSING_IMAGE_ID } from './fixtures';

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const credentials = {
    accessKeyId: options.accessKeyId ?? DEMO_CREDENTIALS.accessKeyId,
    accessKeySecret: options.accessKeySecret ?? DEMO_CREDENTIALS.accessKeySecret,
  };
  const fixtures = getLibrary();
  // Real-size images are generated now, not on the first request that needs their size.
  warmImageBytes(fixtures.images);
  // Each emulator has its own uploads, edits and deletions over the shared, never-changing fixtures.
  const library = new WritableLibrary(fixtures);
  const images = fixtures.images.map(toFixtureImage);
  const videoLibrary = getVideoLibrary();
  const videos = videoLibrary.videos.filter((v) => !v.traits.includes('bulk')).map(toFixtureVideo);
  const faults = new FaultState();
  const stats = new StatsCounter();
  const clock = new EmulatorClock(() => faults.clockOffsetMs());
  let endpoint = '';

  const server = new EmulatorServer({
    library,
    keys: new KeyRing(credentials),
    nonces: new NonceStore(),
    faults,
    clock,
    stats,
    info: () => ({
      endpoint,
      credentials,
      stsCredentials: STS_CREDENTIALS,
      expiredSecurityToken: EXPIRED_SECURITY_TOKEN,
      forbiddenCredentials: FORBIDDEN_CREDENTIALS,
      imagesOnlyCredentials: IMAGES_ONLY_CREDENTIALS,
      readOnlyCredentials: READ_ONLY_CREDENTIALS,
      videos,
      missingImageId: MISSING_IMAGE_ID,
      // The bulk images are left out to keep this small; they all carry the trait 'bulk'.
      images: images.filter((image) => !image.traits.includes('bulk')),
      bulkImageCount: images.length - images.filter((image) => !image.traits.includes('bulk')).length,
    }),
  });
  const { base, port } = await server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  endpoint = base;

  return {
    endpoint,
    port,
    credentials,
    stsCredentials: { ...STS_CREDENTIALS },
    expiredSecurityToken: EXPIRED_SECURITY_TOKEN,
    forbiddenCredentials: { ...FORBIDDEN_CREDENTIALS },
    images,
    videos,
    imagesOnlyCredentials: { ...IMAGES_ONLY_CREDENTIALS },
    readOnlyCredentials: { ...READ_ONLY_CREDENTIALS },
    missingImageId: MISSING_IMAGE_ID,
    faults: { set: (plan) => faults.set(plan), reset: () => faults.reset() },
    stats,
    close: async () => {
      library.close();
      await server.close();
    },
  };
}
