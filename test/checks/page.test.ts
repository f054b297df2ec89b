// The one-pass page reader against the reference it replaced in `build`: htmlparser2's DOM and a walk per
// question. Both must agree on built pages (the golden ones) and on markup written to trip a stack of
// open elements: implied closes, void elements, nested and hidden links, text outside any element.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import {
  collapse,
  elements,
  isHidden,
  isHiddenElement,
  NOT_TEXT,
  parseHtml,
  rawText,
  textOf,
  type HtmlDocument,
} from '../../src/checks/html.js';
import { scanPage, type Page } from '../../src/checks/page.js';

type Node = HtmlDocument['children'][number];

/** The same answers, from the DOM. */
function reference(html: string): Page {
  const dom = parseHtml(html);
  const parts: string[] = [];
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (DomUtils.isText(node)) parts.push(node.data);
      else if (DomUtils.isTag(node) && !NOT_TEXT.has(node.name) && !isHiddenElement(node)) {
        parts.push(' ');
        walk(node.children as Node[]);
        parts.push(' ');
      }
    }
  };
  walk(dom.children);
  return {
    styles: elements(dom, 'style').map(rawText),
    links: elements(dom, 'a')
      .filter((a) => a.attribs.href !== undefined && !isHidden(a))
      .map((a) => ({
        href: a.attribs.href.trim(),
        text: textOf(a),
        attribs: a.attribs,
        start: a.startIndex!,
      })),
    images: elements(dom, 'img')
      .filter((img) => !isHidden(img))
      .map((img) => ({ attribs: img.attribs })),
    text: collapse(parts.join('')),
  };
}

const GOLDEN = join(import.meta.dirname, '../golden');
const goldenPages = [
  'build/sample/2026-11-field-notes',
  'build/sample/kursk-talks',
  'build/features/features',
  'export/mailchimp',
].map((dir) => join(GOLDEN, dir, 'index.html'));

const TRICKY: Record<string, string> = {
  'a hidden preheader with a link':
    '<body><div style="display:none;max-height:0">Preview <a href="https://example.org/p">p</a></div><p>Shown <a href=" https://example.org/s ">seen</a></p></body>',
  'display:none written loudly, and overridden':
    '<div STYLE="DISPLAY: NONE !important">gone<img src="x.png"></div><div style="display:none;display:block">back<img src="y.png" alt=""></div>',
  'a link inside a link':
    '<p><a href="https://example.org/out">outer <a href="https://example.org/in">inner</a> tail</a></p>',
  'implied closes and void elements':
    '<ul><li>one<li>two<br>three<p>para<p>next</ul><table><tr><td>cell<td><a href="mailto:a@b.co">mail</a></table>',
  'text outside every element, comments and a doctype':
    '<!doctype html>before<!-- not text --><html><head><title>T</title><style>p{color:red}</style></head><body>in<script>var x = "<a href=x>";</script></body></html>after',
  'entities in text and attributes':
    '<p>Fish &amp; chips &mdash; <a href="https://example.org/?a=1&amp;b=2" title="&quot;q&quot;">A&nbsp;&amp;&nbsp;B</a></p>',
  'an anchor without href, and a stray close':
    '<p><a name="top">top</a></span></div><a href="">empty</a><a href="#top">#</a></p>',
  'an unclosed link at the end': '<p>start <a href="https://example.org/x">never closed',
  'two style blocks, one in the body':
    '<head><style>.a{}</style></head><body><style media="screen">.b{}</style><p>x</p></body>',
  'a <style/>, which HTML does not close': '<head><style/><b>x</b><style>a</style>b</head><p>after</p>',
  'svg and hidden images inside links':
    '<a href="https://example.org/i"><img src="a.png" alt="A"><svg><text>vector</text></svg></a><span style="display:none"><img src="b.png"></span>',
};

describe('scanPage', () => {
  it.each(goldenPages)('answers as the DOM does on the built page %s', (file) => {
    const html = readFileSync(file, 'utf8');
    const page = scanPage(html);
    expect(page).toEqual(reference(html));
    // the golden pages have links, images or text: an empty answer from both would prove nothing
    expect(page.links.length).toBeGreaterThan(0);
    expect(page.text.length).toBeGreaterThan(100);
  });

  it.each(Object.entries(TRICKY))('answers as the DOM does on %s', (_, html) => {
    expect(scanPage(html)).toEqual(reference(html));
  });

  it('leaves hidden links, images and text out, and keeps what a reader sees', () => {
    const page = scanPage(TRICKY['a hidden preheader with a link']);
    expect(page.links.map((l) => [l.href, l.text])).toEqual([['https://example.org/s', 'seen']]);
    expect(page.text).toBe('Shown seen');
    const styled = scanPage(TRICKY['display:none written loudly, and overridden']);
    expect(styled.images.map((i) => i.attribs.src)).toEqual(['y.png']);
    expect(styled.text).toBe('back');
  });

  it("gives a nested link its own text inside its parent's, in document order", () => {
    const page = scanPage(TRICKY['a link inside a link']);
    expect(page.links.map((l) => l.text)).toEqual(['outer inner tail', 'inner']);
    expect(page.links[0].start).toBeLessThan(page.links[1].start);
  });

  it('collapses whitespace as /\\s+/ does', () => {
    const pieces = ['a', 'bc', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\r\n', '\ufeff', 'é'];
    let seed = 3;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let i = 0; i < 12; i++)
        text += pieces[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length];
      expect(collapse(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, ' ').trim());
    }
  });
});
