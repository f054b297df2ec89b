// The <img> tags of sanitised article HTML, read and rewritten. sanitize-html writes every tag the same
// way (attributes double-quoted, quotes and ampersands escaped), so a pattern reads them reliably here;
// this is never used on HTML a writer typed before it was sanitised.

export interface ImgTag {
  /** Attribute values, entities decoded. */
  attribs: Record<string, string>;
}

const IMG = /<img\b[^>]*>/gi;
const ATTRIBUTE = /\s([a-zA-Z-]+)="([^"]*)"/g;

/** Every <img> replaced by what `rewrite` returns for it (its attributes, changed or not). */
export function rewriteImages(html: string, rewrite: (tag: ImgTag) => Record<string, string>): string {
  return html.replace(IMG, (tag) => {
    const attribs: Record<string, string> = {};
    for (const [, name, value] of tag.matchAll(ATTRIBUTE)) attribs[name.toLowerCase()] = decode(value);
    const changed = rewrite({ attribs });
    const written = Object.entries(changed)
      .map(([name, value]) => ` ${name}="${encode(value)}"`)
      .join('');
    return `<img${written} />`;
  });
}

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#0*39;/g, "'")
    .replace(/&amp;/g, '&');

const encode = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
