/**
 * The AccessKeys the emulated gateway knows. Fixed values (not random) so a demo, a README and a
 * test in another process can all use the same pair; they only ever unlock this local emulator.
 */
import type { AccessKeyPair, StsCredentials } from './types';

export const DEMO_CREDENTIALS: AccessKeyPair = {
  accessKeyId: 'LTAI5tEmulatorDemoKey001',
  accessKeySecret: 'EmulatorDemoSecret0123456789ab',
};

export const STS_CREDENTIALS: StsCredentials = {
  accessKeyId: 'STS.NTEmulatorStsKey0001',
  accessKeySecret: 'EmulatorStsSecret0123456789abcd',
  securityToken: stsToken('current'),
};

/** Same STS key, a token of the right shape that is no longer current. */
export const EXPIRED_SECURITY_TOKEN = stsToken('expired');

export const FORBIDDEN_CREDENTIALS: AccessKeyPair = {
  accessKeyId: 'LTAI5tEmulatorNoRamPerm',
  accessKeySecret: 'EmulatorForbiddenSecret0123456',
};

/** A key whose RAM policy allows the image actions but not vod:GetVideoInfos / vod:GetPlayInfo. */
export const IMAGES_ONLY_CREDENTIALS: AccessKeyPair = {
  accessKeyId: 'LTAI5tEmulatorImagesOnly',
  accessKeySecret: 'EmulatorImagesOnlySecret012345',
};

/** A key whose RAM policy allows only the read actions: CreateUploadImage, UpdateImageInfos and DeleteImage → Forbidden.RAM. */
export const READ_ONLY_CREDENTIALS: AccessKeyPair = {
  accessKeyId: 'LTAI5tEmulatorReadOnly01',
  accessKeySecret: 'EmulatorReadOnlySecret01234567',
};

/** Real STS tokens are long base64 strings starting with "CAIS"; mimic that shape. */
function stsToken(label: string): string {
  const body = Buffer.from(`vod-image-emulator sts token (${label}) `.repeat(4)).toString('base64');
  return `CAIS${body}`;
}

/** Well-formed = our token alphabet and prefix; used to pick Expired vs Malformed for a wrong token. */
export function looksLikeStsToken(token: string): boolean {
  return /^CAIS[A-Za-z0-9+/=]{40,}$/.test(token);
}

export type KeyKind = 'ak' | 'sts' | 'forbidden' | 'imagesOnly' | 'readOnly';

export interface KnownKey {
  readonly kind: KeyKind;
  readonly secret: string;
}

export class KeyRing {
  private readonly keys = new Map<string, KnownKey>();

  constructor(main: AccessKeyPair) {
    this.keys.set(STS_CREDENTIALS.accessKeyId, { kind: 'sts', secret: STS_CREDENTIALS.accessKeySecret });
    this.keys.set(FORBIDDEN_CREDENTIALS.accessKeyId, { kind: 'forbidden', secret: FORBIDDEN_CREDENTIALS.accessKeySecret });
    this.keys.set(IMAGES_ONLY_CREDENTIALS.accessKeyId, { kind: 'imagesOnly', secret: IMAGES_ONLY_CREDENTIALS.accessKeySecret });
    this.keys.set(READ_ONLY_CREDENTIALS.accessKeyId, { kind: 'readOnly', secret: READ_ONLY_CREDENTIALS.accessKeySecret });
    // Set last so an override that reuses one of the IDs above still wins.
    this.keys.set(main.accessKeyId, { kind: 'ak', secret: main.accessKeySecret });
  }

  find(accessKeyId: string): KnownKey | undefined {
    return this.keys.get(accessKeyId);
  }
}
