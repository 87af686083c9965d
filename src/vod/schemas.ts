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

export const MezzanineSchema = z.looseObject({
  FileSize: z.optional(numberLike),
  FileURL: z.optional(z.string()),
  Height: z.optional(numberLike),
  Width: z.optional(numberLike),
  OriginalFileName: z.optional(z.string()),
});

export const ImageInfoSchema = z.looseObject({
  ImageId: z.string(),
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
});
export type ImageInfo = z.output<typeof ImageInfoSchema>;
export type Mezzanine = z.output<typeof MezzanineSchema>;

export const GetImageInfoResponseSchema = z.looseObject({
  RequestId: z.optional(z.string()),
  ImageInfo: ImageInfoSchema,
});

export const GetImageInfosResponseSchema = z.looseObject({
  RequestId: z.optional(z.string()),
  ImageInfo: z.optional(listOf(ImageInfoSchema, 'Image')),
  NonExistImageIds: z.optional(listOf(stringLike, 'ImageId')),
});

/** SearchMedia's image record: no Mezzanine, no width/height (see the reference). */
export const MediaListItemSchema = z.looseObject({
  MediaId: z.optional(z.string()),
  MediaType: z.optional(z.string()),
  CreationTime: z.optional(z.string()),
  Image: z.optional(ImageInfoSchema),
});
export type MediaListItem = z.output<typeof MediaListItemSchema>;

export const SearchMediaResponseSchema = z.looseObject({
  RequestId: z.optional(z.string()),
  ScrollToken: z.optional(z.string()),
  Total: z.optional(numberLike),
  MediaList: z.optional(listOf(MediaListItemSchema, 'Media')),
});

export const CategorySchema = z.looseObject({
  CateId: numberLike,
  CateName: z.optional(z.string()),
  Level: z.optional(numberLike),
  ParentId: z.optional(numberLike),
  SubTotal: z.optional(numberLike),
  Type: z.optional(z.string()),
});
export type Category = z.output<typeof CategorySchema>;

export const GetCategoriesResponseSchema = z.looseObject({
  RequestId: z.optional(z.string()),
  SubTotal: z.optional(numberLike),
  Category: z.optional(CategorySchema),
  SubCategories: z.optional(listOf(CategorySchema, 'Category')),
});

/** The documented JSON error body; every field optional because gateways vary. */
export const ApiErrorBodySchema = z.looseObject({
  RequestId: z.optional(z.string()),
  HostId: z.optional(z.string()),
  Code: z.optional(z.string()),
  Message: z.optional(z.string()),
  Recommend: z.optional(z.string()),
});
export type ApiErrorBody = z.output<typeof ApiErrorBodySchema>;
