// Inline CSS by holes (src/render/fast/inline-holes.ts) must give the page juice gives the filled skeleton, with
// MJML's options, whatever fills the holes: pieces that break out of their parent, leave elements open, end
// inside a tag, hold code blocks or quotes all have to send the page the whole way.
import { describe, expect, it } from 'vitest';
import { random } from '../../../bench/corpus.js';
import { holeCounts } from '../../../src/render/fast/inline-holes.js';
import { MAX_PLANS } from '../../../src/render/fast/inline-css.js';
import { inlineCssLikeMjml, inlineCssInHoles } from '../../../src/render/fast/mjml-parts.js';
import { fillHoles, holeMarker as hole } from '../../../src/render/fast/skeleton.js';
import { mjmlWay } from '../../helpers/mjml-juice.js';

/** Styles the skeleton filled with each set of values both ways; says how many went by holes. */
function compare(skeleton: string, css: string, valueSets: string[][]): number {
  const before = holeCounts.pages;
  for (const values of valueSets) {
    const filled = fillHoles(skeleton, values);
    expect(inlineCssInHoles(skeleton, values, css), JSON.stringify(values)).toBe(mjmlWay(filled, css));
  }
  return holeCounts.pages - before;
}

// A skeleton shaped like MJML's: nested tables, a title, text holes in divs and cells, attribute holes.
const SKELETON = `<!doctype html><html><head><title>${hole(0)}</title><style type="text/css">p { margin: 0; }</style></head>
<body style="margin:0"><div class="body"><table class="outer" role="presentation"><tbody><tr><td class="col" align="left">
<div class="nl-text" style="font-size:16px">${hole(1)}</div>
<table><tbody><tr><td class="btn"><a href="${hole(2)}" class="button" style="color:#fff">${hole(3)}</a></td></tr></tbody></table>
<img src="${hole(4)}" alt="${hole(5)}" width="600">
<div class="nl-text">${hole(6)}</div>
${hole(7)}
</td></tr></tbody></table></div></body></html>`;

const CSS = `.nl-text p { color: #222; margin: 0 0 16px; }
.nl-text a { color: #0a58ca; } .nl-text h3 { font-size: 20px; }
td.btn a { text-decoration: none; } .col > div { padding: 0; }
table td { vertical-align: top; } img { width: 100%; } li { margin: 0; }`;

const text = (words: string) => [
  'A title',
  `<p>${words}</p><p>More <a href="https://x.example/">words</a>.</p>`,
  'https://b.example/',
  'Read more',
  'https://i.example/a.png',
  'An image',
  `<h3>${words}</h3><p>End.</p>`,
  '',
];

describe('inline CSS by holes', () => {
  it('writes what juice writes, by holes once the signatures are known', () => {
    const sets = ['one two', 'three', 'four five six', 'seven'].map(text);
    expect(compare(SKELETON, CSS, sets)).toBe(3); // the first edition teaches juice's styles
  });

  it.each([
    ['a stray end tag closing an ancestor', 1, '<p>a</p></div><p>b</p>'],
    ['a stray end tag of a cell', 6, '<p>a</p></td>'],
    ['an element left open', 1, '<p>a</p><b>bold'],
    ['a piece that ends inside a tag', 6, '<p>a</p><a href="x'],
    ['a piece that ends with "<"', 1, '<p>a</p>1 <'],
    ['a piece that ends inside a comment', 6, '<p>a</p><!-- note'],
    ['an unclosed raw-text element', 1, '<p>a</p><textarea>x'],
    ['a row that implies closing the cell', 7, '<tr><td>x</td></tr>'],
    ['a code block', 1, '<p>{{ name }}</p>'],
    ['half a code block', 6, '<p>a }}</p>'],
    ['a quote in an attribute hole', 5, 'say "cheese"'],
    ['markup in the title', 0, 'A <b>title</b>'],
    ['a title that ends the title', 0, 'A </title><p>x</p>'],
    ['a piece that closes its parent and opens another like it', 1, '<p>a</p></div><div class="x"><p>b</p>'],
    ['a marker element that is left open', 6, '<newsletter-hole-end>z'],
    ['a marker element before an element left open', 6, '<newsletter-hole-end></newsletter-hole-end><b>z'],
    ['the marker element itself', 1, '<p>a</p><newsletter-hole-end></newsletter-hole-end>'],
    ['an end tag that matches nothing', 1, '<p>a</p></span></p></br>'],
    ['svg', 6, '<svg><p>x</p></svg>'],
  ])('goes the whole way, or the same way, with %s', (_, n, value) => {
    const sets = [text('warm'), text('up')];
    compare(SKELETON, CSS, sets);
    const odd = text('odd');
    odd[n as number] = value as string;
    compare(SKELETON, CSS, [odd, text('after')]);
  });

  it.each([
    [
      'a code block made where a hole meets the skeleton',
      `<div>{${hole(0)}}</div>`,
      ['{ name }', '{ other }'],
    ],
    ['a hole in a comment', `<div><!-- ${hole(0)} --></div>`, ['a -->b', 'c']],
    [
      'a hole under svg',
      `<svg><foreignObject><div>${hole(0)}</div></foreignObject></svg>`,
      ['<p>a</p>', '<p>b</p>'],
    ],
    [
      'a hole in a style element',
      `<style>${hole(0)}</style><div><p>x</p></div>`,
      ['p { color: red }', 'p { color: blue }'],
    ],
    ['a hole written twice', `<div>${hole(0)}</div><div>${hole(0)}</div>`, ['<p>a</p>', '<p>b</p>']],
    ['a piece ending in "<" before a letter of the skeleton', `<div>${hole(0)}x</div>`, ['a <', 'b <']],
  ])('goes the whole way for %s', (_, body, pieces) => {
    const skeleton = `<html><head><title>T</title></head><body><div class="nl-text">${body}</div></body></html>`;
    const sets = [...pieces, ...pieces].map((piece) => [piece]);
    expect(compare(skeleton, CSS, sets)).toBe(0);
  });

  it('goes the whole way for a code block opened in one hole and closed in another', () => {
    const sets = [text('warm'), text('up')];
    compare(SKELETON, CSS, sets);
    for (const [open, close] of [
      ['{{', '}}'],
      ['<%', '%>'],
    ]) {
      const odd = text('odd');
      odd[1] = `<p>${open}</p>`;
      odd[6] = `<p>${close}</p>`;
      compare(SKELETON, CSS, [odd]);
    }
  });

  it('styles the skeleton per edition when a selector tests an attribute a hole fills', () => {
    const css = `${CSS}\na[href^="https://b"] { font-weight: bold; }`;
    const other = text('other');
    other[2] = 'https://c.example/';
    compare(SKELETON, css, [text('one'), other, text('two'), other]);
  });

  // Found by a review that went looking for them: each went by holes and came out different.
  it.each([
    ['an emptied attribute', `<img alt="${hole(0)}">`, 'img{color:red}', [['x'], ['x'], ['']]],
    [
      'a value holding the marker element, then a comment',
      `<div>${hole(0)}</div><p>k</p><div>${hole(1)}</div>`,
      'p{color:red}',
      [
        ['a', 'b'],
        ['a', 'b'],
        ['a<newsletter-hole-end></newsletter-hole-end><!--', '-->b'],
      ],
    ],
    [
      'a code block made by three values side by side',
      `<div>${hole(0)}${hole(1)}${hole(2)}</div>`,
      'p{color:red}',
      [
        ['', '<p>x</p>', ''],
        ['', '<p>x</p>', ''],
        ['{', '{<p>x</p>}', '}'],
      ],
    ],
    [
      'svg closed by an end tag around it, before skeleton',
      `<div>${hole(0)}</div><div><span/>t</div>`,
      'b{color:red}',
      [['<b><svg></svg></b>'], ['<b><svg></svg></b>'], ['<b><svg></b>']],
    ],
    [
      'svg closed by an end tag around it, before a piece',
      `<div>${hole(0)}</div><p>${hole(1)}</p><div>${hole(2)}</div>`,
      'b{color:red}',
      [
        ['', '<span></span>y', '<b></b>'],
        ['', '<span/>y', '<b><svg></b>'],
      ],
    ],
    [
      'title text that the skeleton completes into an end tag',
      `<title>${hole(0)}e News</title><div>${hole(1)}</div>`,
      'p{color:red}',
      [
        ['A', '<p>a</p>'],
        ['A', '<p>a</p>'],
        ['x</titl', '<p>a</p>'],
      ],
    ],
    [
      'a hole as an attribute name',
      `<span ${hole(0)} class="k">x</span>`,
      'span{color:red}',
      [['title="t"'], ['title="t"'], ['style="color:blue"']],
    ],
    [
      'an unquoted attribute hole',
      `<img alt=${hole(0)} width="600">`,
      'p{color:red}',
      [['a'], ['a'], ['a b']],
    ],
    ['a single-quoted attribute hole', `<img alt='${hole(0)}'>`, 'p{color:red}', [['a'], ['a'], ["it's"]]],
    [
      'a hole in an attribute the parser drops',
      `<img alt="${hole(0)}" alt="${hole(1)}">`,
      'img{color:red}',
      [
        ['a', 'b'],
        ['a', 'b" style="color:blue'],
      ],
    ],
    [
      'an attribute hole written twice, quoted two ways',
      `<img alt="${hole(0)}"><img alt='${hole(0)}'>`,
      'img{color:red}',
      [['a'], ['a'], ["it's"]],
    ],
  ])('writes what juice writes with %s', (_, skeleton, css, sets) => {
    compare(skeleton, css, sets);
  });

  it('fills values that end or start like half a code block, by holes, where no other value touches them', () => {
    const skeleton = `<div>${hole(0)}</div><img alt="${hole(1)}">`;
    // a stylesheet of its own: the first edition teaches juice's styles, the other two go by holes
    expect(
      compare(skeleton, 'img { color: red; } .edge { }', [
        ['<p>a</p>', 'Up 50%'],
        ['<p>b</p>', '{c}'],
        ['> d <p>e</p>', 'f %'],
      ]),
    ).toBe(2);
  });

  it('fills an attribute that holds two holes, by holes', () => {
    expect(
      compare(`<div>${hole(2)}</div><img alt="${hole(0)} and ${hole(1)}">`, 'img { color: red; } .two { }', [
        ['a', 'b', '<p>x</p>'],
        ['c', 'd', '<p>y</p>'],
      ]),
    ).toBe(1);
  });

  it('forgets what it kept of a skeleton with the stylesheet plan it came from', () => {
    const css = '.x b { color: red; }';
    const skeleton = `<div>${hole(0)}</div><div class="x"><b>s</b></div>`;
    compare(skeleton, css, [['<b>v</b>'], ['<b>v</b>']]);
    // enough other stylesheets to drop its plan, then a page that gives the same ids other meanings
    for (let i = 0; i <= MAX_PLANS; i++) inlineCssLikeMjml(`<p>${i}</p>`, `p { margin: ${i}px; }`);
    inlineCssLikeMjml('<div class="x"><b>s</b></div>', css);
    compare(skeleton, css, [['<b>v</b>']]);
  });

  it('styles the page the whole way when values are missing, as filling it would', () => {
    compare(`<div>${hole(0)}</div><div>${hole(1)}</div>`, CSS, [['<p>a</p>']]);
  });

  it('writes what juice writes on random skeletons and pieces, hostile ones included', () => {
    const rand = random(11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const PARENTS = ['div', 'td', 'p', 'span', 'a', 'li', 'table', 'tr', 'th', 'ul', 'h2'];
    const PIECES = [
      '<p>x</p>',
      '<p class="a">y</p>',
      'text',
      ' ',
      '<a href="https://a.example/">l</a>',
      '<strong>s</strong>',
      '<br>',
      '<img src="i.png">',
      '<ul><li>a</li><li>b</li></ul>',
      '<li>c',
      '<p>open',
      '</p>',
      '</div>',
      '</td>',
      '</table>',
      '</tr>',
      '</li>',
      '</a>',
      '<tr><td>r</td></tr>',
      '<td>c</td>',
      '<table><tr><td>t</td></tr></table>',
      '<h3>h</h3>',
      '&amp; &lt;',
      '<',
      '</',
      '<!-- c -->',
      '<!--',
      '<a href="',
      '{{',
      '}}',
      '<%',
      '"',
      '<span style="color: red">s</span>',
      '<div class="nl-text"><p>n</p></div>',
      '<style>.x{}</style>',
      '<title>t',
      '<svg>',
    ];
    const SELECTORS = [
      'p',
      'a',
      '.a',
      'div p',
      'td > p',
      '.nl-text p',
      'table td',
      'li',
      'span',
      '[href]',
      'img',
      'tr th',
      'ul li',
    ];
    const PROPS = [
      'color: red',
      'width: 40px',
      'text-align: right',
      'vertical-align: middle',
      'margin: 1px',
      'background-color: #eee',
    ];
    let byHoles = 0;
    for (let sheet = 0; sheet < 10; sheet++) {
      const css = Array.from(
        { length: 2 + Math.floor(rand() * 5) },
        () => `${pick(SELECTORS)} { ${pick(PROPS)}; }`,
      ).join('\n');
      let n = 0;
      const holes: string[] = [];
      const parent = (depth: number): string => {
        const tag = pick(PARENTS);
        const inside = Array.from({ length: 1 + Math.floor(rand() * 2) }, () =>
          depth > 0 && rand() < 0.6 ? parent(depth - 1) : (holes.push(''), hole(n++)),
        ).join('\n');
        return `<${tag}${rand() < 0.5 ? ' class="a"' : ''}>${inside}</${tag}>`;
      };
      const skeleton = `<html><head><title>T</title></head><body><div class="nl-text">${parent(3)}</div></body></html>`;
      // values built from a few pieces each, so that later editions reuse what juice taught
      const sets = Array.from({ length: 30 }, () =>
        holes.map(() =>
          Array.from({ length: Math.floor(rand() * 3) }, () =>
            rand() < 0.8 ? pick(PIECES.slice(0, 9)) : pick(PIECES),
          ).join(''),
        ),
      );
      byHoles += compare(skeleton, css, sets);
    }
    expect(byHoles).toBeGreaterThan(50);
  });
});
