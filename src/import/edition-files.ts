// The files of an imported edition, as text: edition.md (subject, preheader, date, and a place for the
// editor's note) and one Markdown article per item, in the `links` shape: title, url, source, author, date,
// image, image_alt and dek in front matter, the writer's comment (or nothing) as the body. Front matter is
// written by a YAML dumper, so whatever a feed holds stays a quoted string.
import { dump } from 'js-yaml';
import type { ImportItem } from './item.js';
import { slugify } from './text.js';

export interface EditionDraft {
  subject: string;
  preheader: string;
  date: string;
  /** Where the items came from (a feed's URL or file, a list of links), for the note in edition.md. */
  origin: string;
  items: ImportItem[];
}

/** File name → content. */
export function editionFiles(draft: EditionDraft): Map<string, string> {
  const files = new Map<string, string>();
  files.set('edition.md', editionMd(draft));
  const width = Math.max(2, String(draft.items.length).length);
  const used = new Set<string>();
  draft.items.forEach((item, index) => {
    const base = slugify(item.title, 50) || 'link';
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    files.set(`${String(index + 1).padStart(width, '0')}-${slug}.md`, articleMd(item));
  });
  return files;
}

const frontMatter = (data: Record<string, string | undefined>) =>
  `---\n${dump(Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== '')), { lineWidth: -1 })}---\n`;

function editionMd(draft: EditionDraft): string {
  const comment = `# Imported from ${draft.origin.replace(/[\r\n]/g, ' ')}: ${draft.items.length} item${draft.items.length === 1 ? '' : 's'}.\n`;
  return (
    frontMatter({ subject: draft.subject, preheader: draft.preheader, date: draft.date }).replace(
      /---\n$/,
      `${comment}---\n`,
    ) + "<!-- The editor's note: write a few words to open the edition here, in place of this comment. -->\n"
  );
}

function articleMd(item: ImportItem): string {
  const head = frontMatter({
    title: item.title,
    url: item.url,
    source: item.source,
    author: item.author,
    date: item.date,
    image: item.image,
    image_alt: item.image ? item.imageAlt || item.title : undefined,
    dek: item.dek,
  });
  return item.comment ? `${head}${item.comment}\n` : head;
}
