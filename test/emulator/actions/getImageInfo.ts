import { apiErrors } from '../apiError';
import { imageJson } from '../imageRecord';
import type { ActionHandler } from './context';
import { requiredParam, urlContext } from './params';

/** GetImageInfo: one image, or NoSuchResource (404). */
export const getImageInfo: ActionHandler = (context) => {
  const imageId = requiredParam(context.params, 'ImageId');
  const urls = urlContext(context);
  const record = context.library.byId.get(imageId);
  if (!record) throw apiErrors.noSuchResource();
  return { ImageInfo: imageJson(record, urls, 'single') };
};
