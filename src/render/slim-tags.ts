// slim-html.ts's rewrites, as regular expressions over a stretch of the page: slim-walk.ts runs them on one
// tag at a time and remembers the result; a stretch it cannot cut into tags takes them all at once.
// In the order they apply: `slimEarly`, the section-background rule (`dropSectionBackground`), `slimLate`.

/** What happens to a tag before the section-background rule looks at it (and at the tag before it). */
export const slimEarly = (html: string, ltrOnly: boolean): string =>
  dropTableSpacing(slimStyledTables(html, ltrOnly));

/**
 * Inline styles written short, and what a browser's parser adds or ignores anyway: <tbody> without attributes,
 * a table's border="0"; then (`dropTableSpacing`, whose look-ahead reads what these leave) spacing between
 * cells, where borders collapse (no spacing): a table whose inline style collapses them.
 */
export const slimStyledTables = (html: string, ltrOnly: boolean): string =>
  slimStyles(html, ltrOnly)
    .replace(/<\/?tbody>/gi, '')
    .replace(/(<table\b[^>]*?) border="0"/gi, '$1');
export const dropTableSpacing = (html: string): string =>
  html.replace(/(<table\b[^>]*?) cellspacing="0"(?=[^>]*style="[^"]*border-collapse:collapse)/gi, '$1');

/** A section's table painting its div's colour again, over the whole of it (width 100%, no margin). */
export const dropSectionBackground = (html: string): string =>
  html.replace(
    /(<div\b[^>]*style="background-color:(#\w+);[^"]*"[^>]*>\s*)(<table\b[^>]*style=")background-color:\2;(width:100%")/gi,
    '$1$3$4',
  );

/**
 * After the section-background rule: an empty style attribute goes (an image's height="auto" stays: check's
 * IMAGE_HEIGHT_MISSING looks for it), and so does a cell's style that its align/valign say already; a run of
 * whitespace holding a line break becomes that line break.
 */
export const slimLate = (html: string): string =>
  html
    .replace(/(<[a-z][^>]*?) style(?:="")?(?=[ >])/gi, '$1')
    .replace(/<(td|th|tr)\b[^>]*>/gi, dropAttributeTwins)
    .replace(BREAK, '\n');

/** Whitespace holding a line break: the renderer collapses it to one space, or drops it beside a block. */
export const BREAK = /[ \t]*\n\s*/g;

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

/** Every inline style in `html` written short; direction:ltr dropped too where nothing turns right-to-left. */
export const slimStyles = (html: string, ltrOnly = false): string =>
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

/** One inline style written short; the declarations, their order and their values stay the same. */
export function slimStyle(css: string): string {
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

/** Elements around which whitespace never renders: blocks, table parts, and the document's head. */
const BLOCK = new Set(
  (
    'html head body title meta link style table thead tbody tfoot tr td th caption colgroup col p h1 h2 h3 ' +
    'h4 h5 h6 ul ol li dl dt dd blockquote pre hr br center section article header footer nav main figure ' +
    'figcaption address div'
  ).split(' '),
);

/** A tag around which whitespace never renders: a block, a table part, the head's, or a comment. */
export function silent(tag: string): boolean {
  if (tag.startsWith('<!') || tag.endsWith('-->')) return true;
  return BLOCK.has(/^<\/?([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase() ?? '');
}
