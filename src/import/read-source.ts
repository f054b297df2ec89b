// The text of what an import starts from: a feed or list at an http(s) URL (fetched with the import's
// manners), or a local file. Any other scheme is refused before anything is read.
import { readFile, stat } from 'node:fs/promises';
import { decodeBody } from './decode.js';
import { httpGet, type FetchLimits } from './http-get.js';

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** True for `scheme:…` other than http(s) (a Windows drive letter is a path). */
export const isOtherScheme = (source: string): boolean =>
  /^[a-z][a-z0-9+.-]+:/i.test(source) && !/^https?:\/\//i.test(source);

export const isWebSource = (source: string): boolean => /^https?:\/\//i.test(source);

export async function readSource(
  source: string,
  limits: FetchLimits,
  accept: string,
): Promise<{ text: string; url?: string } | { error: string }> {
  if (isWebSource(source)) {
    const fetched = await httpGet(source, limits, accept);
    return fetched.ok ? { text: fetched.text, url: fetched.url } : { error: fetched.reason };
  }
  try {
    if ((await stat(source)).size > limits.maxBytes)
      return { error: `larger than ${limits.maxBytes / 1024 / 1024} MB` };
    return { text: decodeBody(await readFile(source), '') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      error:
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'a folder, not a file'
            : (error as Error).message,
    };
  }
}
