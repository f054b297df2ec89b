// out/feed.xml: an Atom feed of the editions, newest first, each entry pointing at the edition's public page
// (the same address as its "view in browser" link).
//
// Written directly, as the `feed` library's atom1() writes these fields (through xml-js, with four spaces of
// indentation), byte for byte: that library and its XML writer cost a build with nothing to rebuild a third
// of its time, to load and to lay out a thousand entries. test/archive/atom-feed.test.ts holds the two equal.
import type { Config } from '../config/config.js';
import { escapeHtml } from '../render/tokens.js';
import type { ArchiveEntry } from './entries.js';

/** `updated` is the feed's own date when it has no entries (an Atom feed must carry one). */
export function atomFeed(entries: readonly ArchiveEntry[], config: Config, updated: Date): string {
  const base = config.url.replace(/\/+$/, '');
  const latest = entries.reduce(
    (latest, e) => (e.updated > latest ? e.updated : latest),
    entries[0]?.updated ?? updated,
  );
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element(1, 'id', `${base}/`),
    element(1, 'title', config.name),
    element(1, 'updated', latest.toISOString()),
    '    <author>',
    element(2, 'name', config.name),
    '    </author>',
    `    <link rel="alternate" href="${attribute(url(`${base}/`))}"/>`,
    `    <link rel="self" href="${attribute(url(`${base}/feed.xml`))}"/>`,
  ];
  for (const entry of entries) {
    const link = url(`${base}/${encodeURIComponent(entry.slug)}/`);
    const date = entry.updated.toISOString();
    // titles and summaries are marked type="html": the plain text is escaped so that it stays text
    lines.push(
      // an edition in another language than the newsletter's says so (beyond what `feed` writes)
      entry.language ? `    <entry xml:lang="${attribute(entry.language)}">` : '    <entry>',
      `        <title type="html">${cdata(escapeHtml(entry.subject))}</title>`,
      element(2, 'id', link),
      `        <link href="${attribute(link)}"/>`,
      element(2, 'updated', date),
    );
    if (entry.preheader)
      lines.push(`        <summary type="html">${cdata(escapeHtml(entry.preheader))}</summary>`);
    if (entry.date) lines.push(element(2, 'published', date));
    lines.push('    </entry>');
  }
  lines.push('</feed>');
  return lines.join('\n');
}

/** A text element at `depth` (four spaces a level); an empty one closes itself. */
function element(depth: number, name: string, value: string): string {
  const indent = '    '.repeat(depth);
  return value === '' ? `${indent}<${name}/>` : `${indent}<${name}>${text(value)}</${name}>`;
}

/** Text as xml-js writes it: an `&amp;` already there is taken back first, so that it is not escaped twice. */
const text = (value: string): string =>
  value.replace(/&amp;/g, '&').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const attribute = (value: string): string => value.replace(/"/g, '&quot;');

/** A URL as the feed library writes one: normalised by the URL parser, its ampersands escaped. */
const url = (value: string): string => new URL(value).toString().replace(/&/g, '&amp;');

/** xml-js splits only the first `]]>` of a CDATA section (escapeHtml leaves none: `>` is escaped). */
const cdata = (value: string): string => `<![CDATA[${value.replace(']]>', ']]]]><![CDATA[>')}]]>`;
