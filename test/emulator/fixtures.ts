/**
 * The emulator's image library, generated deterministically in code: the same IDs, titles and times
 * on every run and machine (IDs are md5 of a stable slug, so adding a fixture never renumbers others).
 *
 * - ~60 curated images: ordinary ones (trait 'plain') interleaved with edge cases — hostile strings,
 *   unicode, sparse records, every Status/AuditStatus, PNG/JPEG/GIF, one > 1.5 MiB, extreme sizes.
 *   Their CreationTime spreads over 2023-01..2024-12.
 * - 5,200 'bulk' images (older, 2021-2022, one category) so SearchMedia's 5,000-match cap is real.
 *
 * Traits tests can pick by: format 'png'|'jpeg'|'gif'; status 'uploading'|'uploadFail' (others are Normal);
 * 'blocked' (AuditStatus Blocked), 'auditNormal', 'noAudit', 'batchAudit' (GetImageInfos returns the audit status too); shape 'sparse' (ImageId + URL only),
 * 'noMezzanine'; numbers 'sizeAsString'|'sizeAsNumber'|'numbersAsStrings'; 'plain' (ordinary, complete,
 * Normal, harmless text); 'hostile', 'unicode', 'cjk', 'emoji', 'bidi', 'longTitle', 'newlines', 'quote',
 * 'emptyTitle', 'uncategorized', 'subcategory', 'otherBucket', 'cover', 'large', 'tiny', 'wide', 'tall', 'bulk';
 * 'realSize' with 'photo8mb' | 'png3mb' | 'anim6mb' | 'photo12mb' | 'photo20mb' (realSize.ts).
 */
import { createHash } from 'node:crypto';
import type { AssetName } from './assets';
import { REAL_SIZE, type RealSizeName } from './realSize';
import { isoSeconds } from './clock';
import type { FixtureImage } from './types';

export type PngPattern = 'gradient' | 'stripes' | 'checker' | 'rings' | 'noise';

export type ImageSource =
  | { kind: 'png'; width: number; height: number; pattern: PngPattern }
  | { kind: 'asset'; name: AssetName }
  /** Real-size photos and animations, generated at start (realSize.ts). */
  | { kind: 'realSize'; name: RealSizeName }
  /** What a client uploaded through CreateUploadImage + PutObject (writes.ts). */
  | { kind: 'uploaded'; bytes: Buffer; width: number; height: number; format: 'png' | 'jpeg' | 'gif' };

/** Which fields a record exposes: everything, no Mezzanine, or only ImageId + URL. */
export type RecordShape = 'full' | 'noMezzanine' | 'sparse';
/** How numbers go over the wire: FileSize as a string (the SDK model), as a number (the doc example), or all as strings. */
export type NumberStyle = 'sizeAsString' | 'sizeAsNumber' | 'numbersAsStrings';
export type ImageStatus = 'Normal' | 'Uploading' | 'UploadFail';

export interface FixtureRecord {
  imageId: string;
  traits: string[];
  title?: string;
  description?: string;
  tags?: string;
  cateId?: number;
  status: ImageStatus;
  auditStatus?: 'Normal' | 'Blocked';
  imageType: 'default' | 'cover';
  creationTime: string;
  modificationTime: string;
  appId: string;
  storageLocation: string;
  regionId?: string;
  /**
   * Whether GetImageInfos' item carries AuditStatus/RegionId too. The Go SDK's model has them on the
   * batch items, the TypeScript one does not; the emulator answers both ways, per fixture.
   */
  batchAudit: boolean;
  originalFileName: string;
  source: ImageSource;
  shape: RecordShape;
  numberStyle: NumberStyle;
}

export interface FixtureCategory {
  cateId: number;
  cateName: string;
  /** 0 = level-1 category (parent -1), 1 and 2 below it. */
  level: number;
  parentId: number;
  type: 'default';
}

export const STORAGE_LOCATIONS = [
  'outin-7f3c2a91d8e611eeb0a200163e1c7426.oss-cn-shanghai.aliyuncs.com',
  'outin-2b9d4e60a1c311efa5e400163e0a8b12.oss-cn-shanghai.aliyuncs.com',
] as const;

const CATE = {
  products: 1000001,
  marketing: 1000002,
  uploads: 1000003,
  thumbnails: 1000004,
  cjk: 1000005,
  hostile: 1000006,
  empty: 1000007,
  bulk: 1000008,
  shoes: 1000101,
  bags: 1000102,
  leather: 1000201,
} as const;
type CateKey = keyof typeof CATE;

export const CATEGORIES: readonly FixtureCategory[] = [
  { cateId: CATE.products, cateName: 'Products', level: 0, parentId: -1, type: 'default' },
  { cateId: CATE.marketing, cateName: 'Marketing', level: 0, parentId: -1, type: 'default' },
  { cateId: CATE.uploads, cateName: 'User uploads', level: 0, parentId: -1, type: 'default' },
  { cateId: CATE.thumbnails, cateName: 'Video thumbnails', level: 0, parentId: -1, type: 'default' },
  { cateId: CATE.cjk, cateName: '素材库', level: 0, parentId: -1, type: 'default' },
  { cateId: CATE.hostile, cateName: '<img src=x onerror=alert(1)> **bold** [x](command:y)', level: 0, parentId: -1, type: 'default' },
  { cateId: CATE.empty, cateName: 'Empty category', level: 0, parentId: -1, type: 'default' },
  { cateId: CATE.bulk, cateName: 'Bulk imports', level: 0, parentId: -1, type: 'default' },
  { cateId: CATE.shoes, cateName: 'Shoes', level: 1, parentId: CATE.products, type: 'default' },
  { cateId: CATE.bags, cateName: 'Bags', level: 1, parentId: CATE.products, type: 'default' },
  { cateId: CATE.leather, cateName: 'Leather 皮革', level: 2, parentId: CATE.bags, type: 'default' },
];

export const BULK_IMAGE_COUNT = 5200;

/** A curated fixture as written below; everything left out gets a sensible default. */
interface Spec {
  slug: string;
  traits?: string[];
  title?: string;
  description?: string;
  tags?: string;
  cate?: CateKey | null;
  status?: ImageStatus;
  audit?: 'Normal' | 'Blocked' | null;
  imageType?: 'default' | 'cover';
  png?: [number, number, PngPattern];
  asset?: AssetName;
  realSize?: RealSizeName;
  shape?: RecordShape;
  numbers?: NumberStyle;
  fileName?: string;
  bucket?: 0 | 1;
}

const LONG_TITLE = `A very long title that keeps going ${'and going, well past any sensible tooltip width, '.repeat(10)}the end`;

/** Edge cases. Interleaved with ordinary images so every page of a listing has a few. */
const SPECIALS: readonly Spec[] = [
  { slug: 'red-sneaker', title: 'Product shot: red sneaker', tags: 'product,shoes,red', cate: 'shoes', asset: 'photo.jpg', fileName: 'red-sneaker.jpg' },
  { slug: 'portrait', title: 'Portrait — studio test', tags: 'portrait,studio', cate: 'uploads', asset: 'portrait.jpg', fileName: 'IMG_0042.JPG' },
  { slug: 'spinner', title: 'Loading spinner (animated)', tags: 'ui,animation', cate: 'marketing', asset: 'anim.gif', fileName: 'spinner.gif' },
  { slug: 'cover', title: 'Episode 12 cover', tags: 'cover,episode', cate: 'thumbnails', imageType: 'cover', png: [320, 180, 'rings'], traits: ['cover'] },
  { slug: 'noise', title: 'High-resolution texture (noise)', description: 'Uncompressible on purpose: over 1.5 MiB.', cate: 'uploads', png: [640, 640, 'noise'], traits: ['large'] },
  { slug: 'blocked', title: 'Flagged upload', description: 'This image failed content review.', cate: 'uploads', audit: 'Blocked' },
  { slug: 'uploading', title: 'upload in progress.png', cate: 'uploads', status: 'Uploading', shape: 'noMezzanine', audit: null },
  { slug: 'upload-fail', title: 'Broken upload', cate: 'uploads', status: 'UploadFail', shape: 'noMezzanine', audit: null },
  {
    slug: 'xss-img',
    title: '<img src=x onerror=alert(1)>',
    description: '<script>alert(document.cookie)</script><iframe src="javascript:alert(2)"></iframe>',
    tags: '<b>bold</b>,"quoted",&amp;',
    cate: 'hostile',
    traits: ['hostile'],
    fileName: '"><img src=x onerror=alert(3)>.png',
  },
  {
    slug: 'md-command',
    title: '[Open terminal](command:workbench.action.terminal.new)',
    description: '![tracker](https://evil.example/pixel.png) and [sign in](command:vodImages.signIn?%5B%22x%22%5D)',
    tags: '[a](command:workbench.action.openSettings),**bold**',
    cate: 'hostile',
    traits: ['hostile'],
  },
  {
    slug: 'md-javascript',
    title: 'Click me](javascript:alert(1))',
    description: 'Visit https://evil.example/phish or <https://evil.example/auto> <a href="javascript:alert(1)">x</a>',
    tags: '](javascript:alert(1)),<https://evil.example>',
    cate: 'hostile',
    traits: ['hostile'],
  },
  {
    slug: 'backticks',
    title: '``` fenced ``` and `inline` and \\`escaped\\`',
    description: '```js\nalert(1)\n```\n    indented code\n> quote\n# heading',
    cate: 'hostile',
    traits: ['hostile', 'newlines'],
  },
  {
    slug: 'bidi',
    title: 'invoice\u202Egnp.exe',
    description: 'Right-to-left override \u202Ehidden\u202C text, zero\u200Bwidth and \u2066isolate\u2069 marks',
    tags: 'bidi,\u202Eevil',
    cate: 'hostile',
    traits: ['hostile', 'unicode', 'bidi'],
  },
  {
    slug: 'entities',
    title: '&lt;b&gt;not bold&lt;/b&gt; &amp; AT&T &#x3C;script&#x3E;',
    cate: 'hostile',
    traits: ['hostile'],
  },
  {
    slug: 'newlines',
    title: 'Line one\nLine two\r\nLine\tthree',
    description: 'First paragraph.\n\nSecond paragraph with trailing spaces   \n- list item',
    cate: 'marketing',
    traits: ['hostile', 'newlines'],
  },
  { slug: 'emoji', title: '🐱 Cat picture 😺 family 👨‍👩‍👧 flags 🇨🇳🇩🇪', tags: 'cat,😺', cate: 'uploads', traits: ['unicode', 'emoji'] },
  {
    slug: 'cjk',
    title: '春节海报 — 红色背景',
    description: '用于首页横幅的春节海报。',
    tags: '春节,海报,红色',
    cate: 'cjk',
    traits: ['unicode', 'cjk'],
    fileName: '春节海报.png',
  },
  { slug: 'long-title', title: LONG_TITLE, description: 'x'.repeat(4000), cate: 'marketing', traits: ['longTitle'] },
  { slug: 'sparse', shape: 'sparse', cate: 'uploads' },
  { slug: 'no-mezzanine', title: 'No mezzanine information', cate: 'uploads', shape: 'noMezzanine' },
  { slug: 'numbers-as-strings', title: 'Numbers as strings', cate: 'marketing', numbers: 'numbersAsStrings', png: [320, 200, 'checker'] },
  { slug: 'size-as-number', title: 'FileSize as a number', cate: 'marketing', numbers: 'sizeAsNumber', png: [200, 200, 'gradient'] },
  { slug: 'tiny', title: 'One pixel', cate: 'uploads', png: [1, 1, 'gradient'], traits: ['tiny'] },
  { slug: 'wide', title: 'Very wide strip', cate: 'marketing', png: [640, 16, 'stripes'], traits: ['wide'] },
  { slug: 'tall', title: 'Very tall strip', cate: 'marketing', png: [16, 640, 'stripes'], traits: ['tall'] },
  { slug: 'quote', title: 'O\'Brien\'s "quoted" photo 100% \\ back', tags: "it's,o'brien", cate: 'uploads', traits: ['quote'] },
  { slug: 'empty-title', title: '', description: '', tags: '', cate: 'uploads', traits: ['emptyTitle'] },
  { slug: 'uncategorized', title: 'Not in any category', cate: null, traits: ['uncategorized'] },
  { slug: 'leather-bag', title: 'Brown leather bag', tags: 'product,bag,leather', cate: 'leather', png: [400, 300, 'gradient'], traits: ['plain', 'subcategory'] },
  { slug: 'second-bucket', title: 'Stored in the second bucket', cate: 'products', bucket: 1, traits: ['otherBucket'] },
  // Real-size images (trait 'realSize' plus their name): what product libraries hold.
  { slug: 'real-photo-8mb', title: 'Studio shot 4000×3000 (8 MB)', tags: 'product,photo,hires', cate: 'products', realSize: 'photo8mb', fileName: 'DSC04127.JPG' },
  { slug: 'real-png-3mb', title: 'Lossless export (3 MB PNG)', tags: 'export,png', cate: 'marketing', realSize: 'png3mb', fileName: 'banner-master.png' },
  { slug: 'real-anim-6mb', title: 'Animated teaser (6 MB GIF)', tags: 'animation,teaser', cate: 'marketing', realSize: 'anim6mb', fileName: 'teaser.gif' },
  { slug: 'real-photo-12mb', title: 'Panorama 5000×3750 (12 MB)', tags: 'photo,hires', cate: 'uploads', realSize: 'photo12mb', fileName: 'PANO_0007.jpg' },
  { slug: 'real-photo-20mb', title: 'Print master 6000×4500 (20 MB)', tags: 'print,hires', cate: 'uploads', realSize: 'photo20mb', fileName: 'print-master.jpg' },
];

const ORDINARY_SUBJECTS = [
  'Spring campaign banner', 'Summer sale hero', 'Newsletter header', 'Team offsite photo', 'Product lineup',
  'Store front', 'Conference booth', 'Blog illustration', 'Holiday greeting card', 'App screenshot',
];
const ORDINARY_CATES: readonly CateKey[] = ['marketing', 'products', 'uploads', 'thumbnails', 'shoes', 'bags'];
const ORDINARY_TAGS = ['banner', 'campaign', 'social', 'web', 'print', 'draft', 'final', 'hero'];
const ORDINARY_SIZES: readonly [number, number][] = [[320, 200], [640, 360], [400, 400], [240, 320], [600, 300], [128, 128], [480, 270]];
const PATTERNS: readonly PngPattern[] = ['gradient', 'stripes', 'checker', 'rings'];
const ORDINARY_COUNT = 32;

function ordinarySpecs(): Spec[] {
  const specs: Spec[] = [];
  for (let i = 0; i < ORDINARY_COUNT; i++) {
    const subject = ORDINARY_SUBJECTS[i % ORDINARY_SUBJECTS.length] ?? 'Image';
    const [width, height] = ORDINARY_SIZES[i % ORDINARY_SIZES.length] ?? [320, 200];
    specs.push({
      slug: `ordinary-${i}`,
      title: `${subject} ${Math.floor(i / ORDINARY_SUBJECTS.length) + 1}`,
      description: `${subject}, version ${i + 1}. Used on the website and in social posts.`,
      tags: [ORDINARY_TAGS[i % 8], ORDINARY_TAGS[(i * 3 + 1) % 8]].join(','),
      cate: ORDINARY_CATES[i % ORDINARY_CATES.length] ?? 'marketing',
      png: [width, height, PATTERNS[i % PATTERNS.length] ?? 'gradient'],
      audit: i % 2 === 0 ? 'Normal' : null,
      traits: ['plain'],
    });
  }
  return specs;
}

/** Ordinary and special fixtures alternate, oldest first. */
function curatedSpecs(): Spec[] {
  const ordinary = ordinarySpecs();
  const out: Spec[] = [];
  for (let i = 0; i < Math.max(ordinary.length, SPECIALS.length); i++) {
    const a = ordinary[i];
    const b = SPECIALS[i];
    if (a) out.push(a);
    if (b) out.push(b);
  }
  return out;
}

export function imageIdFor(slug: string): string {
  return createHash('md5').update(`vod-image-emulator:${slug}`).digest('hex');
}

export const MISSING_IMAGE_ID = imageIdFor('this image does not exist');

const DAY_MS = 86_400_000;
const CURATED_START = Date.parse('2023-01-03T08:00:00Z');
const CURATED_END = Date.parse('2024-12-28T08:00:00Z');
const BULK_START = Date.parse('2021-01-01T00:00:00Z');
const BULK_STEP_MS = 2 * 3_600_000;

function fromSpec(spec: Spec, index: number, count: number): FixtureRecord {
  const imageId = imageIdFor(spec.slug);
  const seed = parseInt(imageId.slice(0, 8), 16);
  const step = (CURATED_END - CURATED_START) / count;
  // Deterministic jitter inside the slot keeps times irregular but strictly in list order.
  const created = Math.floor((CURATED_START + index * step + (seed % Math.floor(step * 0.8))) / 1000) * 1000;
  const source: ImageSource = spec.realSize
    ? { kind: 'realSize', name: spec.realSize }
    : spec.asset
    ? { kind: 'asset', name: spec.asset }
    : { kind: 'png', width: spec.png?.[0] ?? 320, height: spec.png?.[1] ?? 240, pattern: spec.png?.[2] ?? PATTERNS[seed % 4] ?? 'gradient' };
  const status = spec.status ?? 'Normal';
  const audit = spec.audit === undefined ? (seed % 3 === 0 ? undefined : 'Normal') : (spec.audit ?? undefined);
  const numbers = spec.numbers ?? 'sizeAsString';
  const shape = spec.shape ?? 'full';
  const cateId = spec.cate === null ? undefined : CATE[spec.cate ?? 'uploads'];
  const ext = extensionOf(source);
  const record: FixtureRecord = {
    imageId,
    traits: [],
    ...(spec.title !== undefined ? { title: spec.title } : {}),
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    ...(spec.tags !== undefined ? { tags: spec.tags } : {}),
    ...(cateId !== undefined ? { cateId } : {}),
    status,
    ...(audit ? { auditStatus: audit } : {}),
    imageType: spec.imageType ?? 'default',
    creationTime: isoSeconds(created),
    modificationTime: isoSeconds(created + (seed % 30) * DAY_MS),
    appId: spec.bucket === 1 ? 'app-2000001' : 'app-1000000',
    storageLocation: STORAGE_LOCATIONS[spec.bucket ?? 0],
    ...(seed % 2 === 0 ? { regionId: 'cn-shanghai' } : {}),
    batchAudit: audit !== undefined && shape !== 'sparse' && (seed >>> 1) % 2 === 0,
    originalFileName: spec.fileName ?? `${spec.slug}.${ext}`,
    source,
    shape,
    numberStyle: numbers,
  };
  record.traits = deriveTraits(record, [...(spec.traits ?? []), ...(spec.realSize ? ['realSize', spec.realSize] : [])]);
  return record;
}

function bulkRecord(n: number): FixtureRecord {
  const label = String(n + 1).padStart(4, '0');
  const created = BULK_START + n * BULK_STEP_MS;
  const record: FixtureRecord = {
    imageId: imageIdFor(`bulk-${n}`),
    traits: [],
    title: `Bulk import #${label}`,
    description: `Imported in batch ${Math.floor(n / 100) + 1}.`,
    tags: 'bulk,import',
    cateId: CATE.bulk,
    status: 'Normal',
    imageType: 'default',
    creationTime: isoSeconds(created),
    modificationTime: isoSeconds(created),
    appId: 'app-1000000',
    storageLocation: STORAGE_LOCATIONS[0],
    batchAudit: false,
    originalFileName: `bulk-${label}.png`,
    source: { kind: 'png', width: 64, height: 48, pattern: PATTERNS[n % 4] ?? 'gradient' },
    shape: 'full',
    numberStyle: 'sizeAsString',
  };
  record.traits = deriveTraits(record, ['bulk']);
  return record;
}

function deriveTraits(record: FixtureRecord, explicit: readonly string[]): string[] {
  const traits = new Set(explicit);
  traits.add(formatOf(record.source));
  if (record.status === 'Uploading') traits.add('uploading');
  if (record.status === 'UploadFail') traits.add('uploadFail');
  if (record.auditStatus === 'Blocked') traits.add('blocked');
  else traits.add(record.auditStatus === 'Normal' ? 'auditNormal' : 'noAudit');
  if (record.batchAudit) traits.add('batchAudit');
  if (record.shape !== 'full') traits.add(record.shape);
  traits.add(record.numberStyle);
  if (record.cateId === undefined) traits.add('uncategorized');
  return [...traits];
}

export function formatOf(source: ImageSource): 'png' | 'jpeg' | 'gif' {
  if (source.kind === 'png') return 'png';
  if (source.kind === 'realSize') return REAL_SIZE[source.name].format;
  if (source.kind === 'uploaded') return source.format;
  return source.name.endsWith('.gif') ? 'gif' : 'jpeg';
}

export function extensionOf(source: ImageSource): 'png' | 'jpg' | 'gif' {
  const format = formatOf(source);
  return format === 'jpeg' ? 'jpg' : format;
}

export interface Library {
  /** Curated first (oldest → newest), then bulk. */
  readonly images: readonly FixtureRecord[];
  readonly byId: ReadonlyMap<string, FixtureRecord>;
  readonly categories: readonly FixtureCategory[];
}

let library: Library | undefined;

/** Built once per process; records are never mutated after this. */
export function getLibrary(): Library {
  if (!library) {
    const specs = curatedSpecs();
    const curated = specs.map((spec, i) => fromSpec(spec, i, specs.length));
    const bulk = Array.from({ length: BULK_IMAGE_COUNT }, (_, n) => bulkRecord(n));
    const images = [...curated, ...bulk];
    library = { images, byId: new Map(images.map((r) => [r.imageId, r])), categories: CATEGORIES };
  }
  return library;
}

export function toFixtureImage(record: FixtureRecord): FixtureImage {
  return {
    imageId: record.imageId,
    ...(record.title !== undefined ? { title: record.title } : {}),
    status: record.status,
    ...(record.auditStatus ? { auditStatus: record.auditStatus } : {}),
    traits: [...record.traits],
  };
}
