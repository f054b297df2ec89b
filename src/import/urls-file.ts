// A list of links, one a line: a URL, optionally followed by the writer's comment on it. Blank lines and
// lines starting with # are left out.
import type { Skipped } from './item.js';

export interface LinkLine {
  url: string;
  comment?: string;
  line: number;
}

export function readUrlsFile(text: string, file: string): { links: LinkLine[]; skipped: Skipped[] } {
  const links: LinkLine[] = [];
  const skipped: Skipped[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const [url, ...rest] = line.split(/\s+/);
      // a comment may be set off from its URL by a dash, a bar or a colon
      const comment = rest
        .join(' ')
        .replace(/^[-–—|:]\s*/, '')
        .trim();
      if (!/^https?:\/\/\S+$/i.test(url)) {
        skipped.push({
          label: `${file}:${index + 1}`,
          reason: `"${url.slice(0, 60)}" is not an http(s) URL`,
        });
        return;
      }
      links.push({ url, line: index + 1, ...(comment ? { comment } : {}) });
    });
  return { links, skipped };
}
