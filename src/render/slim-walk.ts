// One stretch of the page between the parts slim-html.ts keeps as they are, slimmed in one walk over its tags
// and the text between them. Almost every tag of a page comes back in the next edition (the layout's
// skeleton, the articles' inline styles), so a tag's rewrites (slim-tags.ts) run once per distinct tag and
// are remembered. The result is what the rewrites give run over the whole stretch, one after the other: a tag
// is cut where they would cut it (from `<` to the next `>`), and a stretch whose tags they could read across
// (a `<` inside a tag, a quoted style running past its `>`) is left to them, whole.
import {
  BREAK,
  dropSectionBackground,
  dropTableSpacing,
  silent,
  slimEarly,
  slimLate,
  slimStyledTables,
} from './slim-tags.js';

export interface SlimFlags {
  /** Nothing in the page turns right-to-left: direction:ltr restates the initial value. */
  ltrOnly: boolean;
  /** Every column is full width: the mj-column-per-100 class goes. */
  fullColumnsOnly: boolean;
}

/** A tag as the walk meets it, slimmed once. */
interface Tag {
  /** What the section-background rule reads. */
  early: string;
  slim: string;
  silent: boolean;
  /** It may be a section's div with a background colour, or the table painting it again. */
  div: boolean;
  table: boolean;
}

/** Remembered tags, one map for each set of flags (null: a tag the rewrites could read past); bounded. */
const remembered = Array.from({ length: 4 }, () => new Map<string, Tag | null>());
const repainted = Array.from({ length: 4 }, () => new Map<string, string>());
const LIMIT = 5000;

/** `part` slimmed; `before` and `after` are the edge tags of the kept parts either side ('' where none). */
export function slimPart(part: string, before: string, after: string, flags: SlimFlags): string {
  const index = (flags.ltrOnly ? 1 : 0) + (flags.fullColumnsOnly ? 2 : 0);
  const tags = remembered[index]!;
  if (part.includes('\u0000')) return slimWhole(part, before, after, flags);
  const out: string[] = [];
  // the text since the last tag kept (a <tbody> goes: the text either side of it runs on)
  let text = '';
  let last: Tag | undefined;
  // whether the tag to the left is silent; undefined where there is none
  let leftSilent = before.startsWith('<') ? silent(before) : undefined;
  const flush = (rightSilent: boolean | undefined) => {
    if (text === '') return;
    const slim = slimText(text, flags);
    // a line break between two tags goes when either is a block
    const drop = slim === '\n' && leftSilent !== undefined && rightSilent !== undefined;
    if (!(drop && (leftSilent || rightSilent))) out.push(slim);
  };
  let at = 0;
  for (let open = part.indexOf('<'); open >= 0;) {
    const close = part.indexOf('>', open + 1);
    const next = part.indexOf('<', open + 1);
    if (close < 0 || (next >= 0 && next < close)) return slimWhole(part, before, after, flags);
    const source = part.slice(open, close + 1);
    // a link's address is new in every edition: the tag is remembered without it
    const href = linkAddress(source);
    const key = href ? `${source.slice(0, href.start)}${source.slice(href.end)}` : source;
    let tag = tags.get(key);
    if (tag === undefined) {
      if (tags.size >= LIMIT) tags.clear();
      const own = copy(key);
      tag = slimTag(own, flags);
      tags.set(own, tag);
    }
    if (tag === null) return slimWhole(part, before, after, flags);
    if (href) tag = withAddress(tag, source.slice(href.start, href.end));
    if (tag === null) return slimWhole(part, before, after, flags);
    if (open > at) text += part.slice(at, open);
    at = close + 1;
    open = next;
    if (tag.slim === '') continue;
    const painted = last?.div && tag.table && /^\s*$/.test(text);
    flush(tag.silent);
    out.push(painted ? repaint(last!.early, tag, flags, repainted[index]!) : tag.slim);
    text = '';
    last = tag;
    leftSilent = tag.silent;
  }
  text += part.slice(at);
  flush(after === '' ? undefined : silent(after));
  return out.join('');
}

/**
 * Where the address of a link `<a ... href="...">` stands, when nothing the rewrites read can stand in it: no
 * quote, whitespace or angle bracket, not ending in `style=`, in the one href of a tag whose quotes before it
 * pair up. The rewrites then leave it where it was, whatever it is.
 */
function linkAddress(tag: string): { start: number; end: number } | undefined {
  if (!tag.startsWith('<a ')) return undefined;
  const at = tag.indexOf(' href="');
  if (at < 0 || tag.indexOf(' href="', at + 1) >= 0) return undefined;
  const start = at + 7;
  const end = tag.indexOf('"', start);
  if (end <= start || !ADDRESS.test(tag.slice(start, end))) return undefined;
  let quotes = 0;
  for (let q = tag.indexOf('"'); q >= 0 && q < start - 1; q = tag.indexOf('"', q + 1)) quotes++;
  return quotes % 2 === 0 ? { start, end } : undefined;
}
const ADDRESS = /^(?![\s\S]*style=$)[^\s"<>]+$/i;

/** The tag remembered without its address, given it back where it stood: null where that is not clear. */
function withAddress(tag: Tag, address: string): Tag | null {
  const at = tag.slim.indexOf(' href=""');
  if (at < 0 || tag.slim.indexOf(' href=""', at + 1) >= 0) return null;
  return { ...tag, slim: `${tag.slim.slice(0, at + 7)}${address}${tag.slim.slice(at + 7)}` };
}

/**
 * A string of its own rather than a view into the page (which is what a slice of it is): what the maps keep
 * must not keep every page it came from alive.
 */
export const copy = (text: string): string => ` ${text}`.slice(1);

function slimTag(source: string, flags: SlimFlags): Tag | null {
  const styled = slimStyledTables(source, flags.ltrOnly);
  const early = dropTableSpacing(styled);
  if (!confined(source) || !confined(styled)) return null;
  const late = slimLate(early);
  const painting = /background-color:/i.test(early);
  return {
    early,
    slim: columnClass(late, flags),
    silent: silent(late),
    div: painting && /^<div\b/i.test(early),
    table: painting && /^<table\b/i.test(early),
  };
}

/** The table after a section's div, slimmed with the section-background rule read over both. */
function repaint(div: string, table: Tag, flags: SlimFlags, done: Map<string, string>): string {
  const key = `${div}\u0000${table.early}`;
  let slim = done.get(key);
  if (slim === undefined) {
    const both = dropSectionBackground(div + table.early);
    slim = both === div + table.early ? table.slim : columnClass(slimLate(both.slice(div.length)), flags);
    if (done.size >= LIMIT) done.clear();
    done.set(key, slim);
  }
  return slim;
}

/**
 * Whether every quoted style in `tag` ends inside it: the rewrites read a `style="` up to the next `"`, which
 * must not lie past the tag's `>` (every quote after `style=` opens a value, and each value closes). Checked
 * again on what the first rewrites leave, which the look-ahead of `dropTableSpacing` reads (a border="0"
 * dropped from inside a value can leave a `style="` that closes one).
 */
function confined(tag: string): boolean {
  let count = 0;
  for (let quote = tag.indexOf('"'); quote >= 0; quote = tag.indexOf('"', quote + 1), count++) {
    if (count % 2 === 1 && /style=$/i.test(tag.slice(Math.max(0, quote - 6), quote))) return false;
  }
  return count % 2 === 0;
}

function slimText(text: string, flags: SlimFlags): string {
  // most text between tags is indentation: spaces, tabs and line breaks, which BREAK makes one line break
  let blank = text.length > 0;
  let broken = false;
  for (let i = 0; blank && i < text.length; i++) {
    const code = text.charCodeAt(i);
    broken ||= code === 10;
    blank = code === 10 || code === 32 || code === 9;
  }
  if (blank) return broken ? '\n' : text;
  return columnClass(text.includes('\n') ? text.replace(BREAK, '\n') : text, flags);
}

const columnClass = (html: string, flags: SlimFlags): string =>
  flags.fullColumnsOnly && html.includes(' class="mj-column-per-100 ')
    ? html.replace(/ class="mj-column-per-100 /g, ' class="')
    : html;

/**
 * The rewrites over the whole stretch, one after the other: for a stretch the walk cannot cut into tags, and the
 * definition of what the walk gives (test/render/slim-html-differential.test.ts).
 */
export function slimWhole(part: string, before: string, after: string, flags: SlimFlags): string {
  const slim = slimLate(dropSectionBackground(slimEarly(part, flags.ltrOnly)));
  // a line break between two tags goes when either is a block: the parts outside lend their edge tags
  const padded = `${before}\u0000${slim}\u0000${after}`;
  const dropped = padded.replace(
    /(<[^>]*>)(\u0000?)\n(\u0000?)(?=(<[^>]*>))/g,
    (all, tag: string, a: string, b: string, next: string) =>
      silent(tag) || silent(next) ? `${tag}${a}${b}` : all,
  );
  return columnClass(dropped.slice(dropped.indexOf('\u0000') + 1, dropped.lastIndexOf('\u0000')), flags);
}
