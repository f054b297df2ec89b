// Files an edition folder holds beside its articles (images a draft refers to by a relative path), served
// to the email frame so a preview shows them. Only known media types, only inside the edition's folder:
// a symlink that leads out of it is refused.
import { readFile, realpath } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

export const MEDIA_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};

export const isMediaFile = (path: string): boolean => extname(path).toLowerCase() in MEDIA_TYPES;

export type ContentFile = { status: 200; type: string; body: Buffer } | { status: 403 | 404 };

/** `segments` come from request-guard.ts: already free of dot segments and separators. */
export async function readContentFile(folder: string, segments: string[]): Promise<ContentFile> {
  if (segments.length === 0 || segments.some((s) => s === '' || s.startsWith('.') || s.startsWith('_')))
    return { status: 404 };
  if (!isMediaFile(segments[segments.length - 1]!)) return { status: 404 };
  let real: string;
  let realFolder: string;
  try {
    [real, realFolder] = await Promise.all([realpath(join(folder, ...segments)), realpath(folder)]);
  } catch {
    return { status: 404 };
  }
  if (!real.startsWith(realFolder + sep)) return { status: 403 };
  try {
    return {
      status: 200,
      type: MEDIA_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream',
      body: await readFile(real),
    };
  } catch {
    return { status: 404 };
  }
}
