/**
 * zod schemas for every VOD response the product reads. They are deliberately forgiving where the
 * documentation is unsure (see docs/architecture.md): unknown fields are kept (`looseObject`), numbers
 * that arrive as strings are coerced, every field of a record may be missing, and GetImageInfos lists
 * may be plain arrays or wrapped (`{"Image":[…]}`), since the docs disagree. A wrong *type* is still an
 * error: the client turns it into an `invalidResponse` VodError.
 *
 * `zod/mini` keeps the shipped bundle small (≈15 KB against ≈450 KB for classic zod).
 */
import * as z from 'zod/mini';

/**
 * Building the schemas costs activation time (dozens of zod constructors) while only a request or a
 * rendered panel needs them, so they are built on first use; each export forwards to its built schema.
 */
function buildSchemas() {
  /** A number, or a numeric string ("8932" → 8932). Empty strings and non-numbers are rejected. */
  const numberLike = z.pipe(
    z.union([z.number(), z.string().check(z.regex(/^\s*-?\d+(\.\d+)?\s*$/))]),
    z.transform((v) => (typeof v === 'number' ? v : Number(v))),
  );

  /** A string, or a number the API chose to send unquoted (IDs, sizes). */
  const stringLike = z.pipe(
    z.union([z.string(), z.number()]),
    z.transform((v) => String(v)),
  );

  /** Wraps a list the docs show either as a plain array or as `{ <key>: [...] }`. */
  function listOf<T extends z.ZodMiniType>(item: T, wrapperKey: string) {
    return z.union([
      z.array(item),
      z.pipe(
        z.looseObject({ [wrapperKey]: z.optional(z.union([z.array(item), item])) }),
        z.transform((v) => {
          const inner = (v as Record<string, unknown>)[wrapperKey];
          if (inner === undefined) return [] as z.output<T>[];
          return (Array.isArray(inner) ? inner : [inner]) as z.output<T>[];
        }),
      ),
    ]);
  }

  const MezzanineSchema = z.looseObject({
    FileSize: z.optional(numberLike),
    FileURL: z.optional(z.string()),
    Height: z.optional(numberLike),
    Width: z.optional(numberLike),
    OriginalFileName: z.optional(z.string()),
  });

  const imageFields = {
    AppId: z.optional(z.string()),
    AuditStatus: z.optional(z.string()),
    CateId: z.optional(numberLike),
    CateName: z.optional(z.string()),
    CreationTime: z.optional(z.string()),
    ModificationTime: z.optional(z.string()),
    Description: z.optional(z.string()),
    ImageType: z.optional(z.string()),
    Mezzanine: z.optional(MezzanineSchema),
    RegionId: z.optional(z.string()),
    Status: z.optional(z.string()),
    StorageLocation: z.optional(z.string()),
    Tags: z.optional(z.string()),
    Title: z.optional(z.string()),
    URL: z.optional(z.string()),
  };
  const ImageInfoSchema = z.looseObject({ ImageId: z.string(), ...imageFields });

  const GetImageInfoResponseSchema = z.looseObject({
    RequestId: z.optional(z.string()),
    ImageInfo: ImageInfoSchema,
  });

  const GetImageInfosResponseSchema = z.looseObject({
    RequestId: z.optional(z.string()),
    ImageInfo: z.optional(listOf(ImageInfoSchema, 'Image')),
    NonExistImageIds: z.optional(listOf(stringLike, 'ImageId')),
  });

  /**
   * SearchMedia's media item. Its `Image` has no Mezzanine and holds only the fields `Fields` named,
   * so even ImageId may be missing (the item's MediaId is the same ID).
   */
  const MediaListItemSchema = z.looseObject({
    MediaId: z.optional(stringLike),
    MediaType: z.optional(z.string()),
    CreationTime: z.optional(z.string()),
    Image: z.optional(z.looseObject({ ImageId: z.optional(z.string()), ...imageFields })),
  });

  const SearchMediaResponseSchema = z.looseObject({
    RequestId: z.optional(z.string()),
    ScrollToken: z.optional(z.string()),
    Total: z.optional(numberLike),
    MediaList: z.optional(listOf(MediaListItemSchema, 'Media')),
  });

  const CategorySchema = z.looseObject({
    CateId: numberLike,
    CateName: z.optional(z.string()),
    Level: z.optional(numberLike),
    ParentId: z.optional(numberLike),
    SubTotal: z.optional(numberLike),
    Type: z.optional(z.string()),
  });

  const GetCategoriesResponseSchema = z.looseObject({
    RequestId: z.optional(z.string()),
    SubTotal: z.optional(numberLike),
    Category: z.optional(CategorySchema),
    SubCategories: z.optional(listOf(CategorySchema, 'Category')),
  });

  /** The documented JSON error body; every field optional because gateways vary. */
  const ApiErrorBodySchema = z.looseObject({
    RequestId: z.optional(z.string()),
    HostId: z.optional(z.string()),
    Code: z.optional(z.string()),
    Message: z.optional(z.string()),
    Recommend: z.optional(z.string()),
  });

  return { MezzanineSchema, ImageInfoSchema, GetImageInfoResponseSchema, GetImageInfosResponseSchema, MediaListItemSchema, SearchMediaResponseSchema, CategorySchema, GetCategoriesResponseSchema, ApiErrorBodySchema };
}

type Schemas = ReturnType<typeof buildSchemas>;
let built: Schemas | undefined;

function lazySchema<K extends keyof Schemas>(key: K): Schemas[K] {
  const target = (): Schemas[K] => (built ??= buildSchemas())[key];
  return new Proxy({} as Schemas[K], {
    get: (_stub, prop) => Reflect.get(target(), prop),
    has: (_stub, prop) => Reflect.has(target(), prop),
  });
}

export const MezzanineSchema = lazySchema('MezzanineSchema');
export const ImageInfoSchema = lazySchema('ImageInfoSchema');
export const GetImageInfoResponseSchema = lazySchema('GetImageInfoResponseSchema');
export const GetImageInfosResponseSchema = lazySchema('GetImageInfosResponseSchema');
export const MediaListItemSchema = lazySchema('MediaListItemSchema');
export const SearchMediaResponseSchema = lazySchema('SearchMediaResponseSchema');
export const CategorySchema = lazySchema('CategorySchema');
export const GetCategoriesResponseSchema = lazySchema('GetCategoriesResponseSchema');
export const ApiErrorBodySchema = lazySchema('ApiErrorBodySchema');

export type ImageInfo = z.output<Schemas['ImageInfoSchema']>;
export type Mezzanine = z.output<Schemas['MezzanineSchema']>;
export type MediaListItem = z.output<Schemas['MediaListItemSchema']>;
export type Category = z.output<Schemas['CategorySchema']>;
export type ApiErrorBody = z.output<Schemas['ApiErrorBodySchema']>;
