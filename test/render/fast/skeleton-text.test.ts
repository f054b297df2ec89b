// An edition's skeleton found from its text alone (src/render/fast/skeleton-text.ts) must be the one MJML's
// parse gives. skeleton-compile.ts trusts a text once one parse agreed with it; so every document with that
// same text must then parse to the same skeleton, with the holes the scanner cut. Checked here on random
// documents whose holes and surroundings are filled with what trips parsers: unclosed tags and quotes,
// comments, raw-text elements, MJML tags, entities. (The HTML itself, byte for byte, is checked against MJML in
// skeleton.test.ts, on builds that go through this path.)
import { describe, expect, it } from 'vitest';
import { parseMjml } from '../../../src/render/fast/mjml-parts.js';
import { splitSkeleton, type Skeleton } from '../../../src/render/fast/skeleton.js';
import { textSkeleton } from '../../../src/render/fast/skeleton-text.js';

// A seeded generator (mulberry32), so that a failure can be replayed.
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLAIN = [
  'Plain words.',
  '<p>A paragraph</p>',
  '<strong>bold</strong> and <em>not</em>',
  'x',
  '  ',
  '\n',
];
const NASTY = [
  '<',
  '>',
  '"',
  "'",
  '&amp;',
  '&quot;',
  '<!-- a comment -->',
  '<!--',
  '-->',
  '<!-->',
  '<![CDATA[x]]>',
  '</mj-text>',
  '</mj-text  >',
  '<mj-raw>',
  '</mj-raw>',
  '</MJ-TEXT>',
  '</mj-body>',
  '<mj-text>',
  '<style>p{}</style>',
  '<style>',
  '<script>x</script>',
  '<title>t</title>',
  '<a title="x>y">link</a>',
  '<a title="',
  '<br/>',
  "<img src=bare alt='single'>",
  'true',
  'false',
  '</p>',
  '<td>',
  '</mj-textx>',
  'mjmlhole7f3a0x',
];

function fill(next: () => number): string {
  const pieces = 1 + Math.floor(next() * 3);
  let text = '';
  for (let i = 0; i < pieces; i++) {
    const pool = next() < 0.85 ? PLAIN : NASTY;
    text += pool[Math.floor(next() * pool.length)];
  }
  return text;
}

// Layouts with slots: {h} in holes and holed attributes, filled at random; {o} around them, from a few
// choices, so that many documents share a text and differ only in their holes.
const LAYOUTS = [
  `<mjml><mj-head><mj-title>{h}</mj-title><mj-preview>{o}</mj-preview></mj-head><mj-body><mj-section><mj-column><mj-text>{h}</mj-text><mj-text padding="0">{h}</mj-text><mj-button href="{h}">{h}</mj-button></mj-column></mj-section></mj-body></mjml>`,
  `<mjml><mj-head><mj-attributes><mj-text color="#333" /></mj-attributes><mj-style inline="inline">.a { color: red; }</mj-style><mj-raw>{o}</mj-raw></mj-head><mj-body>{o}<mj-section><mj-column><mj-image src="{h}" alt='{h}' title={h} /><mj-text css-class="a">{h}</mj-text></mj-column></mj-section></mj-body></mjml>`,
  `<mjml><mj-body><!-- {o} --><mj-wrapper><mj-section><mj-column>{o}<mj-raw>{h}</mj-raw><mj-raw><!--[if mso]><table><![endif]-->{o}</mj-raw><mj-image href="{h}" src="https://x.example/a.png" alt="{h}"></mj-image><mj-text/><mj-table>{h}</mj-table></mj-column></mj-section></mj-body></mjml>`,
];
const AROUND = ['', '<!-- c -->'];

function document(layout: string, next: () => number): string {
  return layout.replace(/\{([ho])\}/g, (_, slot: string) =>
    slot === 'h' ? fill(next) : next() < 0.95 ? AROUND[Math.floor(next() * AROUND.length)]! : fill(next),
  );
}

function parsedSkeleton(source: string): Skeleton | undefined {
  try {
    return splitSkeleton(parseMjml(source), source, 'salt');
  } catch {
    return undefined;
  }
}

describe('the skeleton from the text alone', () => {
  it('gives, for every document with the same text, the skeleton and values of the parse, once one agreed', () => {
    const next = random(20261207);
    const groups = new Map<string, { values: string[]; parsed: Skeleton | undefined }[]>();
    let split = 0;
    const count = 4000;
    for (let i = 0; i < count; i++) {
      const source = document(LAYOUTS[i % LAYOUTS.length]!, next);
      const text = textSkeleton(source);
      if (!text) continue;
      split++;
      const group = groups.get(text.text) ?? [];
      group.push({ values: text.values, parsed: parsedSkeleton(source) });
      groups.set(text.text, group);
    }
    let trusted = 0;
    let trustedOdd = 0; // of those, documents with a character in a hole that parsers read: < > " ' &
    for (const [text, group] of groups) {
      const agrees = (d: (typeof group)[number]) =>
        d.parsed !== undefined && JSON.stringify(d.parsed.values) === JSON.stringify(d.values);
      const teacher = group.find(agrees);
      if (!teacher) continue; // never trusted: each of these is parsed
      for (const d of group) {
        expect(agrees(d), text).toBe(true);
        expect(d.parsed!.key, text).toBe(teacher.parsed!.key);
        expect(d.parsed!.cssToInline, text).toBe(teacher.parsed!.cssToInline);
      }
      if (group.length > 1) {
        trusted += group.length;
        trustedOdd += group.filter((d) =>
          d.values.some((v) => /["'&]|<(?!\/?(p|strong|em)>)/.test(v)),
        ).length;
      }
    }
    // not vacuous: many documents are read from their text, and share it with others
    expect(split / count).toBeGreaterThan(0.3);
    expect(trusted / count).toBeGreaterThan(0.12);
    expect(trustedOdd).toBeGreaterThan(100);
    expect(groups.size).toBeLessThan(split);
  });

  it('cuts what the parse cuts from a real layout, and leaves what it keeps', () => {
    const source = `<mjml><mj-head><mj-title>The title</mj-title><mj-raw><p>head</p></mj-raw></mj-head><mj-body><mj-section><mj-column><mj-image src="https://a.example/i.png" alt="An image" href="" /><mj-text>  <p>Hello &amp; welcome</p>\n </mj-text><mj-raw><!--[if mso]><table><![endif]--></mj-raw><mj-button href='https://a.example' title=plain>Read</mj-button></mj-column></mj-section></mj-body></mjml>`;
    const text = textSkeleton(source)!;
    expect(text.values).toEqual([
      'The title',
      'https://a.example/i.png',
      'An image',
      '<p>Hello &amp; welcome</p>',
      'https://a.example',
      'plain',
      'Read',
    ]);
    expect(text.values).toEqual(parsedSkeleton(source)!.values);
    expect(text.text).toContain('<mj-raw><p>head</p></mj-raw>'); // the head's raw HTML is not a hole
    expect(text.text).toContain('<!--[if mso]><table><![endif]-->'); // nor content with a comment
  });

  it.each([
    ['a tag that is not MJML outside a raw stretch', '<mjml><mj-body><div></div></mj-body></mjml>'],
    ['an unclosed tag in a hole', '<mjml><mj-body><mj-text><a title="</mj-text></mj-body></mjml>'],
    [
      'a raw-text element in a hole',
      '<mjml><mj-body><mj-text><style></mj-text></style></mj-text></mj-body></mjml>',
    ],
    ['an MJML tag in a hole', '<mjml><mj-body><mj-text><mj-raw>x</mj-raw></mj-text></mj-body></mjml>'],
    ['a comment that does not close', '<mjml><mj-body><mj-text><!-- x</mj-text></mj-body></mjml>'],
    ['a name in capitals', '<mjml><mj-body><MJ-TEXT>x</MJ-TEXT></mj-body></mjml>'],
    ['an attribute twice', '<mjml><mj-body><mj-image src="a" src="b" /></mj-body></mjml>'],
    ['two bodies', '<mjml><mj-body></mj-body><mj-body></mj-body></mjml>'],
  ])('leaves to the parser %s', (_, source) => {
    expect(textSkeleton(source)).toBeUndefined();
  });
});
