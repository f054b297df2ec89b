// The MIME type of each image type newsletter publishes.
import type { ImageType } from './asset.js';

const CONTENT_TYPES: Record<ImageType, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

export const contentTypeOf = (type: ImageType): string => CONTENT_TYPES[type];
