// The published URLs of an edition's images, swapped for another form where the page is not read from the
// published site: preview paths, data: URLs for a screenshot, cid: references in a message with embedded
// images, relative names in an export's zip. Content-hashed names make each URL unique and unambiguous.

export interface PublishedImage {
  name: string;
  url: string;
}

export function swapAssetUrls<T extends PublishedImage>(
  html: string,
  assets: readonly T[] | undefined,
  to: (asset: T) => string,
): string {
  let swapped = html;
  for (const asset of assets ?? []) swapped = swapped.split(asset.url).join(to(asset));
  return swapped;
}
