// A local image an edition uses, as build publishes it: copied into out/<slug>/ under a content-hashed
// name and referred to by its absolute URL (or, in a message with embedded images, by its Content-ID).

export type ImageType = 'png' | 'jpg' | 'gif' | 'webp' | 'svg';

export interface EditionAsset {
  /** The image file, project-relative with forward slashes (what the cache stamps and diagnostics name). */
  source: string;
  /** The published file name inside out/<slug>/: `chart.3f9a1c.png`. */
  name: string;
  /** `<url>/<slug>/<name>`: what the HTML refers to. */
  url: string;
  type: ImageType;
  contentType: string;
  /** Natural size in pixels, as the file says. */
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** The published form of an asset without its bytes: what the kept edition and the manifest record. */
export type AssetRecord = Omit<EditionAsset, 'bytes'> & { size: number };

export const assetRecord = ({ bytes, ...asset }: EditionAsset): AssetRecord => ({
  ...asset,
  size: bytes.byteLength,
});
