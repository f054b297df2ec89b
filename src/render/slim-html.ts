// The HTML as light as it can be without changing how it renders (Gmail clips a message past 102 KB, and a
// platform's click tracking lengthens every link):
//   - a run of whitespace holding a line break (indentation) becomes one line break, or nothing where a block
//     or table element stands on either side: the renderer collapses such a run to one space, or drops it,
//     exactly so;
//   - inline styles are written short: no spaces around `:` `;` `,`, no last `;`, #aabbcc as #abc, 0px as 0.
// Kept as they are: the text of <pre> and <textarea> (their whitespace is their content), <style> and <script>, and
// Outlook's conditional comments (Outlook's Word engine reads them; nothing here is tested against it).
// The rest is slimmed tag by tag (slim-walk.ts, with the rewrites of slim-tags.ts); `slimWhole` runs the same
// rewrites over a whole stretch, one after the other, and is the definition the walk is held to (the tests'
// reference: `slimPage(html, slimWhole)`).
import { copy, slimPart, type SlimFlags } from './slim-walk.js';
import { slimStyles } from './slim-tags.js';

export { slimStyle } from './slim-tags.js';

const PROTECTED =
  /<(pre|textarea|script|style)\b[\s\S]*?<\/\1\s*>|<!--\[if[\s\S]*?<!\[endif\]-->|<!--[\s\S]*?-->/gi;

export const slimHtml = (html: string): string => slimPage(html, slimPart);

/** What slims a stretch between the parts kept as they are; `before` and `after` are their edge tags. */
export type SlimStretch = (part: string, before: string, after: string, flags: SlimFlags) => string;

/** The page with its kept parts set aside, and each stretch between them slimmed by `slimStretch`. */
export function slimPage(html: string, slimStretch: SlimStretch): string {
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
      return slimStretch(part, before, after, { ltrOnly, fullColumnsOnly });
    })
    .join('');
}

/** A <style> block: whitespace collapsed, none beside braces, semicolons and commas, no last semicolon. */
function slimStylesheet(block: string): string {
  // the layout's blocks come back in every edition
  let slim = stylesheets.get(block);
  if (slim === undefined) {
    if (stylesheets.size >= 500) stylesheets.clear();
    const own = copy(block);
    slim = slimCss(own);
    stylesheets.set(own, slim);
  }
  return slim;
}
const stylesheets = new Map<string, string>();

const slimCss = (block: string): string =>
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

/** The tag a kept part ends with, or its closing `-->`. */
function lastTag(text: string): string {
  // the last `<` and all after it, where that is one tag
  const open = text.lastIndexOf('<');
  if (open >= 0 && text.endsWith('>') && text.indexOf('>', open) === text.length - 1) return text.slice(open);
  return /<!\[endif\]-->$|-->$/.exec(text)?.[0] ?? '';
}
