/** The actions the emulator implements; anything else answers InvalidAction.NotFound (404). */
import type { ActionHandler } from './context';
import { getCategories } from './getCategories';
import { getImageInfo } from './getImageInfo';
import { getImageInfos } from './getImageInfos';
import { createUploadImage, deleteImage, updateImageInfos } from './imageWrites';
import { searchMedia } from './searchMedia';

export const ACTIONS: Readonly<Record<string, ActionHandler>> = {
  GetImageInfo: getImageInfo,
  GetImageInfos: getImageInfos,
  SearchMedia: searchMedia,
  GetCategories: getCategories,
  CreateUploadImage: createUploadImage,
  UpdateImageInfos: updateImageInfos,
  DeleteImage: deleteImage,
};

export type { ActionContext, ActionHandler } from './context';
