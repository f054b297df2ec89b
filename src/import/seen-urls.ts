// The links earlier editions already carried, so a second import of the same feed brings only what is new:
// every http(s) URL in the content folder's article and edition files, front matter and body alike, except
// the edition being written. URLs are compared without fragment, utm_* parameters or a trailing slash.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Normalised URL → slug of the edition that has it. */
export async function urlsInEarlierEditions(
  contentDir: string,
  exceptSlug: string,
): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  let entries;
  try {
    entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  } catch {
    return seen; // no content folder yet: nothing was sent before
  }
  for (const entry of entries) {
    if (!entry.isFile() || !/\.(md|txt)$/i.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const top = relative(contentDir, path).split(sep)[0];
    if (/^[._]/.test(top)) continue; // drafts and hidden folders are not editions
    const slug = top.replace(/\.(md|txt)$/i, '');
    if (slug === exceptSlug) continue;
    const text = await readFile(path, 'utf8').catch(() => '');
    for (const match of text.matchAll(/https?:\/\/[^\s<>"'()[\]`]+/gi)) {
      const key = urlKey(match[0].replace(/[.,;:!?]+$/, ''));
      if (key && !seen.has(key)) seen.set(key, slug);
    }
  }
  return seen;
}

/** A URL in the form two mentions of one page share. */
export function urlKey(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    for (const name of [...parsed.searchParams.keys()])
      if (/^utm_/i.test(name)) parsed.searchParams.delete(name);
    const path = parsed.pathname.replace(/\/+$/, '');
    return `${parsed.protocol}//${parsed.host}${path}${parsed.search}`.replace(/^http:/, 'https:');
  } catch {
    return undefined;
  }
}
