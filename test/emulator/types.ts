/**
 * The emulator's public shapes. `index.ts` re-exports them; they live here so the emulator's own
 * modules can use them without importing the entry point (which would be a cycle).
 */

export interface EmulatorOptions {
  /** 0 (the default) = any free port. */
  port?: number;
  /** Interface to bind; '127.0.0.1' by default. */
  host?: string;
  /** Override the demo AccessKey pair (e.g. to replay an official signing example). */
  accessKeyId?: string;
  accessKeySecret?: string;
}

/**
 * Faults to inject. All optional. Counters ("next N") are consumed one per API request at arrival,
 * at most one counted fault per request, in this precedence: reset, hang, throttle, serverError,
 * malformedJson, oversizedBytes. `latencyMs` is added on top of whatever the request gets.
 * `faults.set()` merges into the current plan (give 0 to clear a counter); `faults.reset()` clears all.
 */
export interface FaultPlan {
  latencyMs?: number;
  throttle?: number;
  retryAfterMs?: number;
  serverError?: number;
  reset?: number;
  malformedJson?: number;
  oversizedBytes?: number;
  hang?: number;
  clockOffsetMs?: number;
  imageLatencyMs?: number;
  /** Non-zero: the CDN domain has no image editing, so `image_process` is ignored and the original served. */
  imageProcessingOff?: number;
  /**
   * Upload faults, counters over the OSS PutObject requests (not the API requests), in this precedence:
   * `ossReset` (the connection is reset after part of the body arrived), `ossForbidden` (403 AccessDenied),
   * `ossTokenExpired` (403 SecurityTokenExpired, as if the temporary credential had run out).
   */
  ossReset?: number;
  ossForbidden?: number;
  ossTokenExpired?: number;
  /** The next N CreateUploadImage calls hand out a credential that expires in 20 s instead of 3,000 s. */
  shortUploadCredential?: number;
}

export interface FixtureImage {
  imageId: string;
  title?: string;
  status?: string;
  auditStatus?: string;
  /** e.g. 'blocked','uploadFail','uploading','hostile','unicode','sparse','gif','jpeg','png','large' — see fixtures.ts. */
  traits: string[];
}

export interface AccessKeyPair {
  accessKeyId: string;
  accessKeySecret: string;
}

export interface StsCredentials extends AccessKeyPair {
  securityToken: string;
}

export interface EmulatorStats {
  readonly apiRequests: number;
  readonly byAction: Record<string, number>;
  /** Authenticated API calls by the AccessKey ID that signed them (which credentials a client really used). */
  readonly byAccessKey: Record<string, number>;
  readonly imageRequests: number;
  reset(): void;
}

export type { FixtureVideo } from './videoFixtures';
import type { FixtureVideo } from './videoFixtures';
import type { IdentityServer } from './identity';

/** STS, instance metadata and a credentials URI, on a listener of their own (identity.ts). */
export interface EmulatorIdentity {
  /** `http://127.0.0.1:PORT/`: AssumeRole (2015-04-01). */
  stsEndpoint: string;
  /** `http://127.0.0.1:PORT`: stands in for http://100.100.100.200. */
  metadataOrigin: string;
  /** An ALIBABA_CLOUD_CREDENTIALS_URI. */
  credentialsUri: string;
  /** The role the demo key may assume. */
  roleArn: string;
  /** The RAM role attached to the emulated instance. */
  instanceRole: string;
  /** Request counters and the IMDS mode switches. */
  server: IdentityServer;
}

export interface RunningEmulator {
  /** 'http://127.0.0.1:PORT' */
  endpoint: string;
  port: number;
  /** The demo AccessKey (or the one given in the options). */
  credentials: AccessKeyPair;
  stsCredentials: StsCredentials;
  /** An STS token that is well-formed and belongs to `stsCredentials.accessKeyId` but has expired. */
  expiredSecurityToken: string;
  /** A valid key pair whose every call answers `Forbidden.RAM` (403). */
  forbiddenCredentials: AccessKeyPair;
  images: readonly FixtureImage[];
  /** Curated audio/video assets (bulk ones left out; see videoFixtures.ts). */
  videos: readonly FixtureVideo[];
  /** A valid key pair allowed the image actions but refused GetVideoInfos/GetPlayInfo (Forbidden.RAM). */
  imagesOnlyCredentials: AccessKeyPair;
  /** A valid key pair allowed every read action but refused CreateUploadImage/UpdateImageInfos/DeleteImage (Forbidden.RAM). */
  readOnlyCredentials: AccessKeyPair;
  /** A well-formed 32-hex image ID that does not exist. */
  missingImageId: string;
  faults: { set(plan: FaultPlan): void; reset(): void };
  stats: EmulatorStats;
  identity: EmulatorIdentity;
  /** Closes the server and every open socket, hung ones included. */
  close(): Promise<void>;
}
