import { apiErrors } from '../apiError';
import { imageJson } from '../imageRecord';
import type { ActionHandler } from './context';
import { requiredParam, urlContext } from './params';

export const MAX_BATCH_IDS = 20;

/**
 * GetImageInfos: up to 20 comma-separated IDs. Answers plain arrays (the SDK model's shape), found
 * images in request order, unknown IDs in NonExistImageIds; repeated IDs are answered once.
 */
export const getImageInfos: ActionHandler = (context) => {
  const ids = [...new Set(requiredParam(context.params, 'ImageIds').split(',').map((s) => s.trim()).filter(Boolean))];
  if (ids.length === 0) throw apiErrors.missingParameter('ImageIds');
  if (ids.length > MAX_BATCH_IDS) throw apiErrors.invalidParameter('ImageIds', `At most ${MAX_BATCH_IDS} IDs per call.`);
  const urls = urlContext(context);
  const found: Record<string, unknown>[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const record = context.library.byId.get(id);
    if (record) found.push(imageJson(record, urls, 'batch'));
    else missing.push(id);
  }
  return { ImageInfo: found, NonExistImageIds: missing };
};
