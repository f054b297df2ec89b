// Collects the local images of one edition as they are found: each read once, published once under its
// content-hashed name however often it is used, and every failure kept as a diagnostic at the file and line
// that names the image.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { EditionAsset } from './asset.js';
import { contentTypeOf } from './content-types.js';
import { readImageFile, type ImageFile } from './image-file.js';

export class AssetCollector {
  readonly assets = new Map<string, EditionAsset>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly root: string,
    private readonly baseUrl: string,
  ) {}

  /** The image `ref` named in `namedIn` (at `line` when known), published; undefined when it failed. */
  add(
    namedIn: string,
    ref: string,
    at: { line?: number; column?: number },
    base?: string,
  ): EditionAsset | undefined {
    const read = readImageFile(this.root, namedIn, ref, base);
    if ('problem' in read) {
      this.diagnostics.push(diag(read.problem.code, 'error', read.problem.message, { file: namedIn, ...at }));
      return undefined;
    }
    return this.publish(read.image);
  }

  private publish(image: ImageFile): EditionAsset {
    const known = this.assets.get(image.name);
    if (known) return known; // one copy per edition, however often it is used
    const asset: EditionAsset = {
      ...image,
      url: `${this.baseUrl}/${image.name}`,
      contentType: contentTypeOf(image.type),
    };
    this.assets.set(image.name, asset);
    return asset;
  }
}
