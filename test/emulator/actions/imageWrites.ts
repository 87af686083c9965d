/**
 * The write actions on images, as the API reference documents their parameters and limits:
 * - CreateUploadImage (help/en/vod/developer-reference/api-vod-2017-03-21-createuploadimage): ImageType
 *   required (`default` | `cover`), ImageExt `png` (default) | `jpg` | `jpeg` | `gif`, Title ≤ 128 bytes,
 *   Description ≤ 1,024 bytes, Tags ≤ 16 comma-separated, each ≤ 32 bytes, CateId, OriginalFileName, AppId.
 *   Answers ImageId, ImageURL, FileURL, UploadAddress and UploadAuth (base64 JSON).
 * - UpdateImageInfos (…/api-vod-2017-03-21-updateimageinfos): UpdateContent, a JSON array of at most 20
 *   `{ImageId, Title, Description, Tags, CateId}`; answers NonExistImageIds `{ImageId: [...]}`.
 * - DeleteImage (…/api-vod-2017-03-21-deleteimage): DeleteImageType (`ImageId` | `ImageURL` | `VideoId`);
 *   with `ImageId`, ImageIds: at most 20, comma-separated.
 * Emoji in Title, Description and Tags are refused (the reference: "cannot contain emojis").
 */
import { apiErrors } from '../apiError';
import { imageUrl } from '../imageRecord';
import { UPLOAD_CREDENTIAL_TTL_SEC, WritableLibrary, type EditableFields } from '../writes';
import type { ActionContext, ActionHandler } from './context';
import { requiredParam, urlContext } from './params';

const MAX_WRITE_IDS = 20;
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]/u;
const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

function writable(context: ActionContext): WritableLibrary {
  if (!(context.library instanceof WritableLibrary)) throw apiErrors.internalError();
  return context.library;
}

function text(name: string, value: string | undefined, maxBytes: number): string | undefined {
  if (value === undefined) return undefined;
  if (bytes(value) > maxBytes) throw apiErrors.invalidParameter(name, `At most ${maxBytes} bytes.`);
  if (EMOJI.test(value)) throw apiErrors.invalidParameter(name, 'Emoji are not allowed.');
  return value;
}

function tags(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',');
  if (list.length > 16) throw apiErrors.invalidParameter('Tags', 'At most 16 tags.');
  for (const tag of list) {
    if (tag === '' || bytes(tag) > 32) throw apiErrors.invalidParameter('Tags', 'Each tag is 1 to 32 bytes.');
    if (EMOJI.test(tag)) throw apiErrors.invalidParameter('Tags', 'Emoji are not allowed.');
  }
  return value;
}

function cateId(value: string | number | undefined, context: ActionContext): number | undefined {
  if (value === undefined || value === '') return undefined;
  const id = Number(value);
  if (!Number.isSafeInteger(id) || !context.library.categories.some((c) => c.cateId === id)) {
    throw apiErrors.invalidParameter('CateId', 'The category does not exist.');
  }
  return id;
}

const base64Json = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');

export const createUploadImage: ActionHandler = (context) => {
  const { params } = context;
  const imageType = requiredParam(params, 'ImageType');
  if (imageType !== 'default' && imageType !== 'cover') throw apiErrors.invalidParameter('ImageType', 'Valid values: default, cover.');
  const rawExt = (params['ImageExt'] ?? 'png').toLowerCase();
  if (!['png', 'jpg', 'jpeg', 'gif'].includes(rawExt)) throw apiErrors.invalidParameter('ImageExt', 'Valid values: png, jpg, jpeg, gif.');
  const library = writable(context);
  const nowMs = context.nowSec * 1000;
  const upload = library.createUpload(
    {
      imageType,
      ext: rawExt === 'jpeg' ? 'jpg' : (rawExt as 'png' | 'jpg' | 'gif'),
      title: text('Title', params['Title'], 128),
      description: text('Description', params['Description'], 1024),
      tags: tags(params['Tags']),
      cateId: cateId(params['CateId'], context),
      originalFileName: params['OriginalFileName'],
      appId: params['AppId'],
    },
    nowMs,
    context.uploadCredentialTtlSec ?? UPLOAD_CREDENTIAL_TTL_SEC,
  );
  const record = library.byId.get(upload.imageId);
  const urls = urlContext(context);
  return {
    ImageId: upload.imageId,
    ImageURL: record ? (imageUrl({ ...record, status: 'Normal' }, urls) ?? '') : '',
    FileURL: `${context.base}/${upload.bucket}/${upload.objectKey}`,
    UploadAddress: base64Json({ Endpoint: context.base, Bucket: upload.bucket, FileName: upload.objectKey }),
    UploadAuth: base64Json({
      AccessKeyId: upload.credential.accessKeyId,
      AccessKeySecret: upload.credential.accessKeySecret,
      SecurityToken: upload.credential.securityToken,
      Expiration: new Date(upload.credential.expiresAtMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ExpireUTCTime: new Date(upload.credential.expiresAtMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Region: 'cn-shanghai',
      ExpirationSeconds: context.uploadCredentialTtlSec ?? UPLOAD_CREDENTIAL_TTL_SEC,
    }),
  };
};

export const updateImageInfos: ActionHandler = (context) => {
  let content: unknown;
  try {
    content = JSON.parse(requiredParam(context.params, 'UpdateContent'));
  } catch {
    throw apiErrors.invalidParameter('UpdateContent', 'Not a JSON array.');
  }
  if (!Array.isArray(content) || content.length === 0) throw apiErrors.invalidParameter('UpdateContent', 'Not a JSON array.');
  if (content.length > MAX_WRITE_IDS) throw apiErrors.invalidParameter('UpdateContent', `At most ${MAX_WRITE_IDS} images.`);
  const library = writable(context);
  const updates = content.map((item: unknown) => {
    const entry = (item ?? {}) as Record<string, unknown>;
    const id = entry['ImageId'];
    if (typeof id !== 'string' || id === '') throw apiErrors.invalidParameter('UpdateContent', 'Every item needs an ImageId.');
    const str = (key: string): string | undefined => (typeof entry[key] === 'string' ? (entry[key] as string) : undefined);
    const fields: EditableFields = {
      ...(str('Title') !== undefined ? { title: text('Title', str('Title'), 128) } : {}),
      ...(str('Description') !== undefined ? { description: text('Description', str('Description'), 1024) } : {}),
      ...(str('Tags') !== undefined ? { tags: tags(str('Tags')) } : {}),
      ...(entry['CateId'] !== undefined ? { cateId: cateId(entry['CateId'] as string | number, context) } : {}),
    };
    return { id, fields };
  });
  const missing = updates.filter(({ id, fields }) => !library.update(id, fields, context.nowSec * 1000)).map(({ id }) => id);
  return { NonExistImageIds: { ImageId: missing } };
};

export const deleteImage: ActionHandler = (context) => {
  const type = requiredParam(context.params, 'DeleteImageType');
  if (!['ImageId', 'ImageURL', 'VideoId'].includes(type)) throw apiErrors.invalidParameter('DeleteImageType', 'Valid values: ImageId, ImageURL, VideoId.');
  if (type !== 'ImageId') throw apiErrors.invalidParameter('DeleteImageType', 'This emulator deletes by ImageId only.');
  const ids = requiredParam(context.params, 'ImageIds').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw apiErrors.missingParameter('ImageIds');
  if (ids.length > MAX_WRITE_IDS) throw apiErrors.invalidParameter('ImageIds', `At most ${MAX_WRITE_IDS} IDs per call.`);
  writable(context).delete(ids);
  return {};
};
