// Inline CSS by signature (src/render/fast/inline-css.ts) must write exactly what juice writes with MJML's options,
// on pages it styles from signatures it has seen and on pages it hands to juice. Compared with MJML's own juice
// on hand-written pages with every attribute juice reads or writes, and on seeded random pages and stylesheets.
import { describe, expect, it } from 'vitest';
import { random } from '../../../bench/corpus.js';
import { inlineCssLikeMjml } from '../../../src/render/fast/mjml-parts.js';
import { inlineCounts, MAX_PLANS } from '../../../src/render/fast/inline-css.js';
import { mjmlWay } from '../../helpers/mjml-juice.js';

const page = (body: string, head = '') =>
  `<!doctype html><html><head><title>T</title><style type="text/css">p { margin: 0; }</style>${head}</head><body style="margin:0"><div class="wrap">${body}</div></body></html>`;

/** Styles each page the new way and MJML's way, and counts how many the new way took from signatures. */
function compare(css: string, pages: string[]): number {
  const before = inlineCounts.signatures;
  for (const html of pages) expect(inlineCssLikeMjml(html, css), html).toBe(mjmlWay(html, css));
  return inlineCounts.signatures - before;
}

const CSS = `
  .nl-text p { margin: 0 0 16px; color: #222; }
  .nl-text a { color: #0a58ca; text-decoration: underline; }
  .nl-text a { color: "quoted" !important; }
  .nl-text h2, .nl-text h3 { margin: 0; font-size: 20px; }
  .nl-text img { max-width: 100%; height: auto; width: 280px; }
  .nl-text table { width: 100%; background-color: #fafafa; }
  .nl-text td { text-align: left; vertical-align: top; background-image: url('x.png'); padding: 4px; padding-left: 8px; }
  div > .nl-text { padding: 0; }
  #lead { font-weight: bold; }
  [data-kind="note"] p { font-style: italic; }
  * .nl-small { font-size: 13px; }
  a:hover { color: red; }
`;

describe('inline CSS by signature', () => {
  it('writes what juice writes, from signatures once it has seen them', () => {
    const body = (text: string) =>
      `<div class="nl-text"><p id="lead">${text} <a href="https://a.example/${text}">link</a></p>` +
      `<p style="color: green; margin: 2px">styled</p><h2>T</h2><h3 class="nl-small">s</h3>` +
      `<img src="https://a.example/${text}.png" alt="${text}" width="600"><img src="b.png" alt="">` +
      `<table><tr><td bgcolor="#fff">cell</td><td align="right" style="padding: 1px">${text}</td></tr></table>` +
      `<div data-kind="note"><p>note</p></div><div data-kind="other"><p>other</p></div></div>` +
      `<style data-embed>.x { color: red; }</style><p class="nl-small">{{ not a template }} <% nor this %></p>`;
    const pages = ['one', 'two', 'three', 'four'].map((text) => page(body(text)));
    expect(compare(CSS, pages)).toBe(3); // the first page teaches the signatures, the others use them
  });

  it('hands a page with an element it has not seen to juice, and learns it', () => {
    const known = page('<div class="nl-text"><p>a</p></div>');
    const unseen = page('<div class="nl-text"><p>a</p><p style="color: blue">new</p></div>');
    expect(compare(CSS, [known, unseen, unseen, known])).toBe(2);
  });

  it('drops data-embed only where juice does: from a <style> with exactly one child', () => {
    const css = 'p { color: red; }';
    const pages = [
      '<style data-embed></style>',
      '<style data-embed>.a { color: blue; }</style>',
      '<p>a</p><style data-embed/>',
    ].map((head) => page('<p>a</p>', head));
    compare(css, [...pages, ...pages]);
    // and on a page juice styles itself (a pseudo-class keeps it from signatures)
    expect(compare('p:first-child { color: red; }', pages)).toBe(0);
  });

  it('keeps the stylesheet in use while others come and go', () => {
    const html = page('<div class="nl-text"><p>a</p></div>');
    const main = '.nl-text p { color: #111; }';
    compare(main, [html]);
    // one more distinct stylesheet than are kept, each used once, with the main one used between them
    for (let i = 0; i <= MAX_PLANS; i++) {
      compare(`.nl-text p { margin: ${i}px; }`, [html]);
      expect(compare(main, [html]), `after ${i + 1} others`).toBe(1);
    }
  });

  it('tells apart an attribute value that reads like two attributes', () => {
    // without the length before each value, both cells would have the signature 'class=a style=color:red'
    const css = '.a { width: 100px; }';
    const first = page('<table><tr><td class="a style=color:red">x</td></tr></table>');
    const second = page('<table><tr><td class="a" style="color:red">x</td></tr></table>');
    compare(css, [first, second, first, second]);
  });

  it('leaves to juice a test of an attribute every object has, which juice may skip for the whole page', () => {
    // on an element without the attribute, css-select reads Object.prototype.constructor and throws, so juice
    // skips the rule on every element: what an element gets depends on the others
    for (const css of ['p[constructor^="f"] { color: red; }', '[constructor="f" i] > p { color: red; }']) {
      const pages = [
        page('<p constructor="f"><p>x</p></p>'),
        page('<p>y</p>'),
        page('<p constructor="f"><p>x</p></p><p>y</p>'),
      ];
      expect(compare(css, pages), css).toBe(0);
    }
  });

  it('leaves pages to juice when styles can depend on more than the ancestors', () => {
    const cases = [
      '.nl-text p:first-child { color: red; }',
      '.nl-text p + p { color: red; }',
      '.nl-text h2 ~ p { color: red; }',
      '.nl-text p:not(.x) { color: red; }',
      '.nl-text p::before { content: "x"; color: red; }',
      '.nl-text { counter-reset: item; } .nl-text p { counter-increment: item; }',
      '.nl-text { --ink: red; } .nl-text p { color: var(--ink); }',
    ];
    const html = page('<div class="nl-text"><h2>T</h2><p>a</p><p class="x">b</p><p>c</p></div>');
    for (const css of cases) expect(compare(css, [html, html]), css).toBe(0);
  });

  it('writes what juice writes on random pages and stylesheets', () => {
    const rand = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const TAGS = ['div', 'p', 'a', 'span', 'table', 'tr', 'td', 'th', 'img', 'h2', 'ul', 'li', 'strong'];
    const CLASSES = ['', 'a', 'b', 'a b', 'nl-text'];
    const ATTRS = [
      '',
      ' width="50"',
      ' height="10px"',
      ' style="color: blue; width: 5px"',
      ' align="center"',
      ' data-k="1"',
      ' data-k="2"',
      ' id="i"',
      ' bgcolor="#000"',
    ];
    const SELECTORS = [
      'p',
      'a',
      '.a',
      '.b',
      '.a.b',
      'div p',
      'div > p',
      '.nl-text td',
      'table td',
      '#i',
      '[data-k]',
      '[data-k="2"] span',
      '*',
      'td > a',
      'tr th',
      'img',
      'table',
    ];
    const PROPS = [
      'color: red',
      'width: 40px',
      'height: 12px',
      'width: 50%',
      'text-align: right',
      'vertical-align: middle',
      'background-color: #eee',
      'background-image: url(y.png)',
      'margin: 1px',
      'margin-top: 2px',
      'color: blue !important',
    ];
    const element = (depth: number): string => {
      const tag = pick(TAGS);
      const cls = pick(CLASSES);
      const children =
        depth > 0
          ? Array.from({ length: Math.floor(rand() * 3) }, () => element(depth - 1)).join('')
          : 'text';
      return tag === 'img'
        ? `<img${cls ? ` class="${cls}"` : ''}${pick(ATTRS)} src="x.png">`
        : `<${tag}${cls ? ` class="${cls}"` : ''}${pick(ATTRS)}>${children}</${tag}>`;
    };
    let fromSignatures = 0;
    for (let sheet = 0; sheet < 12; sheet++) {
      const css = Array.from(
        { length: 2 + Math.floor(rand() * 6) },
        () => `${pick(SELECTORS)}, ${pick(SELECTORS)} { ${pick(PROPS)}; ${pick(PROPS)}; }`,
      ).join('\n');
      // a few pages built from the same small pieces, so that later pages reuse signatures
      const pieces = Array.from({ length: 4 }, () => element(3));
      const pages = Array.from({ length: 20 }, () =>
        page(Array.from({ length: 3 }, () => pick(pieces)).join('')),
      );
      fromSignatures += compare(css, pages);
    }
    expect(fromSignatures).toBeGreaterThan(100);
  });
});
