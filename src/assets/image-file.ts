// Reads one local image named by a content file, a template or the config: resolved against the folder of
// the file that names it, never outside the project (no absolute paths, no `..` out of it, no symlink
// leading out), and only when its first bytes say it is a PNG, JPEG, GIF, WebP or SVG image.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { imageSize } from 'image-size';
import type { Code } from '../diagnostics/codes.js';
import type { ImageType } from './asset.js';

export { isLocalRef } from '../content/urls.js';

export interface ImageFile {
  /** Project-relative, forward slashes. */
  source: string;
  /** The content-hashed file name it is published under. */
  name: string;
  type: ImageType;
  width: number;
  height: number;
  bytes: Uint8Array;
}

export type ImageRead = { image: ImageFile } | { problem: { code: Code; message: string } };

const TYPES: Record<string, ImageType> = { png: 'png', jpg: 'jpg', gif: 'gif', webp: 'webp', svg: 'svg' };

/**
 * `ref` as written (a relative path, maybe percent-encoded, maybe with ?query or #fragment); `namedIn` is
 * the project-relative file that names it, and `base` the project-relative folder it is resolved against
 * (by default that file's folder; templates/ for the `asset` helper).
 */
export function readImageFile(
  root: string,
  namedIn: string,
  ref: string,
  base = dirname(namedIn),
): ImageRead {
  const problem = (code: Code, message: string): ImageRead => ({ problem: { code, message } });
  const written = ref.trim();
  const path = decodePath(written.replace(/[?#].*$/, ''));
  if (path === undefined) return problem('IMAGE_NOT_FOUND', `image "${written}" is not a valid file path`);
  if (isAbsolute(path) || /^[a-z]:[\\/]/i.test(path) || path.startsWith('\\') || path.startsWith('~'))
    return problem(
      'IMAGE_OUTSIDE_PROJECT',
      `image "${written}" is an absolute path: name it relative to ${namedIn}`,
    );
  const full = resolve(root, base, path);
  if (!inside(root, full))
    return problem('IMAGE_OUTSIDE_PROJECT', `image "${written}" is outside the project`);
  const stat = statSync(full, { throwIfNoEntry: false });
  if (!stat)
    return problem('IMAGE_NOT_FOUND', `image "${written}" not found (looked for ${projectPath(root, full)})`);
  // a symlink (the file or a folder on its way) may lead out of the project: judged by where it really is
  if (!inside(realpathSync(root), realpathSync(full)))
    return problem('IMAGE_OUTSIDE_PROJECT', `image "${written}" is a link to a file outside the project`);
  if (!stat.isFile()) return problem('IMAGE_NOT_FOUND', `image "${written}" is not a file`);
  const bytes = readFileSync(full);
  const size = sizeOf(bytes);
  if (!size)
    return problem(
      'IMAGE_UNREADABLE',
      `${projectPath(root, full)} is not a PNG, JPEG, GIF, WebP or SVG image`,
    );
  return {
    image: { source: projectPath(root, full), name: hashedName(full, size.type, bytes), ...size, bytes },
  };
}

function sizeOf(bytes: Uint8Array): { type: ImageType; width: number; height: number } | undefined {
  try {
    const size = imageSize(bytes);
    const type = TYPES[size.type ?? ''];
    // JPEG orientations 5 to 8 are stored on their side: the reader sees them turned a quarter
    const turned = (size.orientation ?? 1) >= 5;
    const [width, height] = turned ? [size.height, size.width] : [size.width, size.height];
    if (!type || !width || !height) return undefined;
    return { type, width, height };
  } catch {
    return undefined; // image-size throws on bytes it does not recognise
  }
}

/** `chart.png` → `chart.3f9a1c.png`: a changed image gets a new name, so no cache anywhere shows the old one. */
function hashedName(path: string, type: ImageType, bytes: Uint8Array): string {
  const stem =
    basename(path, extname(path))
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'image';
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 6);
  return `${stem}.${hash}.${type}`;
}

function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
};

const projectPath = (root: string, path: string) => relative(root, path).split(sep).join('/');
