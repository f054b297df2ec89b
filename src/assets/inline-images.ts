// Images embedded in a message instead of linked: each local image once, as an inline part of a
// multipart/related body with a Content-ID, which the HTML refers to as `cid:…`. For readers whose client
// blocks remote images, and for test sends before out/ is published. Remote images are never embedded.
import type { AssetRecord, EditionAsset } from './asset.js';

export interface InlineImage {
  /** The published URL the HTML names, replaced by `cid:<cid>` in the message. */
  url: string;
  name: string;
  contentType: string;
  /** Content-ID without its angle brackets: unique per image, the same for the same bytes (hashed name). */
  cid: string;
  content: Uint8Array;
}

export const inlineImage = (
  asset: Pick<EditionAsset, 'name' | 'url' | 'contentType'>,
  content: Uint8Array,
): InlineImage => ({
  url: asset.url,
  name: asset.name,
  contentType: asset.contentType,
  cid: `${asset.name}@newsletter`,
  content,
});

/** The edition's images with the bytes it was built with (build, check). */
export const inlineImages = (assets: readonly EditionAsset[] | undefined): InlineImage[] =>
  (assets ?? []).map((asset) => inlineImage(asset, asset.bytes));

/** The kept edition's images, read back from out/<slug>/ (send). */
export type StoredImage = Pick<AssetRecord, 'name' | 'url' | 'contentType'>;
