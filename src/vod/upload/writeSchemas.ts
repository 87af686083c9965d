/**
 * zod schemas for the write answers, after the SDK models: CreateUploadImageResponseBody
 * {RequestId, ImageId, ImageURL, FileURL, UploadAddress, UploadAuth}, UpdateImageInfosResponseBody
 * {RequestId, NonExistImageIds: {ImageId: string[]}} (accepted as a plain list too, as the docs
 * disagree for the read twin), DeleteImageResponseBody {RequestId}. Built on first use.
 */
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { schemaParts } from '../schemas';

export const writeSchemas = lazy(() => {
  const { stringLike, listOf } = schemaParts();
  return {
    CreateUploadImageResponseSchema: z.looseObject({
      RequestId: z.optional(z.string()),
      ImageId: z.string().check(z.regex(/^[A-Za-z0-9]{1,64}$/)),
      ImageURL: z.optional(z.string()),
      FileURL: z.optional(z.string()),
      // Decoded and validated by parseUploadTicket, whose errors never quote them.
      UploadAddress: z.string(),
      UploadAuth: z.string(),
    }),
    UpdateImageInfosResponseSchema: z.looseObject({
      RequestId: z.optional(z.string()),
      NonExistImageIds: z.optional(listOf(stringLike, 'ImageId')),
    }),
    DeleteImageResponseSchema: z.looseObject({ RequestId: z.optional(z.string()) }),
  };
});
