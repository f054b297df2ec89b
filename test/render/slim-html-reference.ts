// The reference definition of slimHtml: the page rewritten by whole-page regular expressions, one rule at a
// time, as src/render/slim-html.ts did before it walked the page once with its per-tag work remembered.
// Kept as the oracle the differential tests (slim-html-differential.test.ts) compare the walk with: change a
// rule here and there together.

// The HTML as light as it can be without changing how it renders (Gmail clips a message past 102 KB, and a
// platform's click tracking lengthens every link):
//   - a run of whitespace holding a line break (indentation) becomes one line break, or nothing where a block
//     or table element stands on either side: the renderer collapses such a run to one space, or drops it,
//     exactly so;
//   - inline styles are written short: no spaces around `:` `;` `,`, no last `;`, #aabbcc as #abc, 0px as 0.
// Kept as they are: the text of <pre> and <textarea> (their whitespace is their content), <style> and <script>, and
// Outlook's conditional comments (Outlook's Word engine reads them; nothing here is tested against it).

const PROTECTED =
  /<(pre|textarea|script|style)\b[\s\S]*?<\/\1\s*>|<!--\[if[\s\S]*?<!\[endif\]-->|<!--[\s\S]*?-->/gi;

/** Elements around which whitespace never renders: blocks, table parts, and the document's head. */
const BLOCK = new Set(
  (
    'html head body title meta link style table thead tbody tfoot tr td th caption colgroup col p h1 h2 h3 ' +
    'h4 h5 h6 ul ol li dl dt dd blockquote pre hr br center section article header footer nav main figure ' +
    'figcaption address div'
  ).split(' '),
);

export function referenceSlimHtml(html: string): string {
  // direction:ltr restates the initial value, where nothing in the page turns right-to-left
  const ltrOnly = !/rtl/i.test(html);
  // the document as a list of parts: even indexes are ours to slim, odd ones are kept as they are
  const parts: string[] = [];
  let last = 0;
  for (const match of html.matchAll(PROTECTED)) {
    parts.push(html.slice(last, match.index), match[0]);
    last = match.index + match[0].length;
  }
  parts.push(html.slice(last));
  // MJML's rules for mj-full-width-mobile images, in a page that has none; its rules for full-width columns
  // (width and max-width 100% from 480 px up), in a page whose columns are all full width: a column's inline
  // width:100% says the same, so the class and its rules go
  const fullColumnsOnly = !/mj-column-(?!per-100\b)(?:per|px)-/.test(html);
  const unused = (part: string) =>
    (/^<style\b[^>]*>\s*@media[^{]*\{\s*table\.mj-full-width-mobile/.test(part) &&
      !/class="[^"]*mj-full-width-mobile/.test(html)) ||
    (fullColumnsOnly &&
      /^<style\b[^>]*>\s*(?:@media[^{]*\{\s*)?(?:\.moz-text-html\s+)?\.mj-column-per-100\s*\{[^}]*\}\s*\}?\s*<\/style>$/.test(
        part,
      ));
  return parts
    .map((part, i) => {
      if (i % 2 === 1 && unused(part)) return '';
      // inside <pre>, only the text is whitespace-sensitive: its tags' styles are written short too
      if (i % 2 === 1) {
        if (/^<(pre|textarea)\b/i.test(part)) return slimStyles(part);
        return /^<style\b/i.test(part) ? slimStylesheet(part) : part;
      }
      // what stands just outside: a kept <pre> or comment counts as the block or comment it is
      const before = parts[i - 1] === undefined ? '' : lastTag(parts[i - 1]!);
      const after = parts[i + 1] === undefined ? '' : (/^<[^>]*>/.exec(parts[i + 1]!)?.[0] ?? '');
      const slim = slimPart(part, before, after, ltrOnly);
      return fullColumnsOnly ? slim.replace(/ class="mj-column-per-100 /g, ' class="') : slim;
    })
    .join('');
}

function slimPart(part: string, before: string, after: string, ltrOnly: boolean): string {
  const slim = slimStyles(part, ltrOnly)
    // what a browser's parser adds or ignores anyway: <tbody> without attributes, a table's border="0",
    // an empty style attribute (an image's height="auto" stays: check's IMAGE_HEIGHT_MISSING looks for it)
    .replace(/<\/?tbody>/gi, '')
    .replace(/(<table\b[^>]*?) border="0"/gi, '$1')
    // spacing between cells, where borders collapse (no spacing): a table whose inline style collapses them
    .replace(/(<table\b[^>]*?) cellspacing="0"(?=[^>]*style="[^"]*border-collapse:collapse)/gi, '$1')
    // a section's table painting its div's colour again, over the whole of it (width 100%, no margin)
    .replace(
      /(<div\b[^>]*style="background-color:(#\w+);[^"]*"[^>]*>\s*)(<table\b[^>]*style=")background-color:\2;(width:100%")/gi,
      '$1$3$4',
    )
    .replace(/(<[a-z][^>]*?) style(?:="")?(?=[ >])/gi, '$1')
    .replace(/<(td|th|tr)\b[^>]*>/gi, dropAttributeTwins)
    .replace(/[ \t]*\n\s*/g, '\n');
  // a line break between two tags goes when either is a block: the parts outside lend their edge tags
  const padded = `${before}\u0000${slim}\u0000${after}`;
  const dropped = padded.replace(
    /(<[^>]*>)(\u0000?)\n(\u0000?)(?=(<[^>]*>))/g,
    (all, tag: string, a: string, b: string, next: string) =>
      silent(tag) || silent(next) ? `${tag}${a}${b}` : all,
  );
  return dropped.slice(dropped.indexOf('\u0000') + 1, dropped.lastIndexOf('\u0000'));
}

const TWINS = [
  [/ valign="(\w+)"/i, 'vertical-align'],
  [/ align="(\w+)"/i, 'text-align'],
] as const;

/** Style declarations that say what the cell's own align/valign attributes already say. */
function dropAttributeTwins(tag: string): string {
  const twins = TWINS.flatMap(([attribute, property]) => {
    const value = attribute.exec(tag)?.[1];
    return value ? [`${property}:${value}`] : [];
  });
  if (twins.length === 0) return tag;
  return tag.replace(/ style="([^"]*)"/i, (_, css: string) => {
    const kept = css
      .split(';')
      .filter((d) => !twins.includes(d))
      .join(';');
    return kept ? ` style="${kept}"` : '';
  });
}

/** A <style> block: whitespace collapsed, none beside braces, semicolons and commas, no last semicolon. */
const slimStylesheet = (block: string): string =>
  block.replace(
    /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/i,
    (_, open: string, css: string, close: string) =>
      `${open}${css
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/([{;][\w-]+):\s+/g, '$1:')
        .replace(/\s+!important/g, '!important')
        .replace(/;}/g, '}')
        .trim()}${close}`,
  );

const slimStyles = (html: string, ltrOnly = false): string =>
  html.replace(
    /<(\w+)([^>]*?)\sstyle="([^"]*)"([^>]*)/g,
    (_, name: string, attributes: string, css: string, after: string) => {
      const tag = `${attributes} ${after}`;
      const dropped = slimStyle(css)
        .split(';')
        .filter(
          (d, _, all) =>
            !(ltrOnly && d === 'direction:ltr') &&
            !(/^img$/i.test(name) && IMG_NO_OPS.has(d)) &&
            !(/^table$/i.test(name) && tableNoOp(d, tag, all)),
        )
        .join(';');
      return `<${name}${attributes}${dropped ? ` style="${dropped}"` : ''}${after}`;
    },
  );

/** On an image itself these draw nothing: a replaced element has no text to decorate and no default outline. */
const IMG_NO_OPS = new Set(['text-decoration:none', 'outline:none']);

/**
 * On a table, what its attributes already say or what cannot apply: the width its width attribute gives,
 * the spacing cellspacing="0" gives, and vertical-align, which applies to inline and table-cell boxes only
 * (MJML writes it on its column tables, which are blocks).
 */
function tableNoOp(declaration: string, attributes: string, all: string[]): boolean {
  const [property, value] = declaration.split(':');
  if (property === 'width') return attributes.includes(` width="${value}"`);
  if (declaration === 'border-spacing:0') return / cellspacing="0"/.test(attributes);
  return property === 'vertical-align' && !all.some((d) => d.startsWith('display:'));
}

const lastTag = (text: string): string =>
  /<[^<>]*>$/.exec(text)?.[0] ?? /<!\[endif\]-->$|-->$/.exec(text)?.[0] ?? '';

/** A tag around which whitespace never renders: a block, a table part, the head's, or a comment. */
function silent(tag: string): boolean {
  if (tag.startsWith('<!') || tag.endsWith('-->')) return true;
  return BLOCK.has(/^<\/?([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase() ?? '');
}

/** One inline style written short; the declarations, their order and their values stay the same. */
function slimStyle(css: string): string {
  const declarations = css
    .split(';')
    .map((declaration) => {
      const colon = declaration.indexOf(':');
      if (colon < 0) return declaration.trim();
      const property = declaration.slice(0, colon).trim();
      // each rewrite only where its character is: most values have none of them
      let value = declaration.slice(colon + 1).trim();
      if (value.includes(',')) value = value.replace(/\s*,\s*/g, ',');
      if (value.includes('!')) value = value.replace(/\s*!important$/i, '!important');
      if (value.includes('#')) value = value.replace(/#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3\b/gi, '#$1$2$3');
      if (value.includes('0')) value = value.replace(/(^|[\s(,])0(?:px|em|rem|pt)\b/g, '$10');
      return `${property}:${value}`;
    })
    .filter((declaration) => declaration !== '');
  // MJML writes a colour twice, `background:#fff;background-color:#fff`: the longhand alone says it all
  return declarations
    .filter(
      (d, _, all) =>
        !(/^background:#[0-9a-f]+$/i.test(d) && all.includes(d.replace('background:', 'background-color:'))),
    )
    .join(';');
}
