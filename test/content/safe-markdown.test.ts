// The sanitised HTML written from markdown-it's tokens (src/content/safe-markdown.ts) against the reference:
// markdown-it's whole rendering read back by sanitize-html with the same allowlist (renderMarkdown's
// 'reference' path). Every document here must come out byte for byte the same, warnings included, whatever
// the allowlist says: the expected bytes are never written down, always the reference's.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/content/markdown.js';
import sanitizeHtml from 'sanitize-html';
import { ALLOWLIST } from '../../src/content/sanitize.js';
import { ALLOWLIST_MODELLED, markdownCounts, SANITIZER_DEFAULTS } from '../../src/content/safe-markdown.js';
import { RESERVED_CHARACTERS } from '../../src/content/text.js';
import { corpusEdition, random } from '../../bench/corpus.js';

const both = (source: string) => ({
  tokens: renderMarkdown(source, 'content/e/01-a.md', 4, 'tokens'),
  reference: renderMarkdown(source, 'content/e/01-a.md', 4, 'reference'),
});

/** Runs `documents` through both paths; returns how the token path split their blocks. */
function expectSame(documents: string[]) {
  const before = { ...markdownCounts };
  for (const source of documents) {
    const { tokens, reference } = both(source);
    // the reference's word count is countReadingWords of its HTML; the token path counts as it writes
    if (JSON.stringify(tokens) !== JSON.stringify(reference)) {
      // the failing document, whole, so that it can be pasted into a test of its own
      expect({ source, ...tokens }).toEqual({ source, ...reference });
    }
  }
  return {
    written: markdownCounts.written - before.written,
    sanitised: markdownCounts.sanitised - before.sanitised,
    whole: markdownCounts.whole - before.whole,
  };
}

// Pieces that stress what the sanitiser would change in markdown-it's rendering: quotes and ampersands in
// text (markdown-it writes &quot;, the sanitiser "), attributes it drops (class on fences, style on aligned
// cells) or keeps (start on lists, title on links), URLs of every kind, entities, reserved characters, and
// raw HTML that leaves the parser inside something (a comment, a script, an open element, a tag).
const INLINE = [
  'plain words',
  '"double" and \'single\' quotes',
  'AT&T & &amp; &copy; &#169; &#xA9; &nbsp; &bogus; &#0; &#x110000;',
  '< > <> a<b c>d',
  '*em* **strong** ***both*** _u_ __uu__',
  '`code "q" & <t>`',
  '``code with ` inside``',
  '\\*escaped\\* \\<x\\> \\&amp;',
  '[link](https://ok.example/a?b=1&c=2 "title \\"q\\" & <t>")',
  "[link](https://ok.example/a 'single')",
  '[empty]()',
  '[rel](page.html) [frag](#top) [query](?a=b) [dots](../up)',
  '[js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [vb](vbscript:msgbox) [data](data:text/html,x)',
  '[entity](&#106;avascript:alert(1)) [colon](javascript&colon;alert(1)) [pct](java%73cript:x)',
  '[proto](//evil.example) [back](\\\\evil.example) [mixed](/\\evil.example) [mail](mailto:a@b.example)',
  '[upper](HTTPS://OK.EXAMPLE) [ftp](ftp://x.example) [tel](tel:123) [odd](a+b.c-d:x) [digit](1a:x)',
  '[space](<https://ok.example/a b>) [ctl](<java\tscript:x>)',
  '<https://auto.example/?q=a&b=c> <mailto:x@y.example> <x@y.example> <javascript:alert(1)> <//x.example>',
  '![alt](https://img.example/a.png) ![alt *em* `code`](rel/b.png "t") ![](https://img.example/c.png)',
  '![js](javascript:alert(1)) ![data](data:image/png;base64,AA) ![proto](//img.example/x.png)',
  '![a <b>bold</b> alt](https://img.example/d.png) ![nested ![inner](x.png)](y.png)',
  '[![img in link](https://img.example/e.png)](https://ok.example)',
  'hard  \nbreak and\\\nbackslash break',
  'soft\nbreak',
  'reserved &#xE000;email&#xE002; &#57344; [x](https://ok.example/&#xE001;)',
  '{{name}} {{{raw}}} *|FNAME|* %recipient%',
  '<b>raw</b> <i>open <span title="x">span</span>',
  '<span onclick="x()" style="color:red">handler</span>',
  '<a href="javascript:alert(1)">raw js</a> <a href="https://ok.example" title="t">raw ok</a>',
  '<img src="x.png" width="10" height="20"> <img src="https://i.example/a.png" width="wide">',
  '<!-- comment --> after comment',
  '<x-unknown>custom</x-unknown> <h1>inline h1</h1>',
  '<span>unclosed',
  '<a title="unterminated',
  '\u00a0nbsp and emoji 🎉 and rtl שלום',
  'joined by a dropped image: a![x](javascript:alert(1))b and c![](d.png)e',
  'joined by a dropped raw image: f<img src="javascript:x">g',
  'words: AT&T a&b;c &amp;amp; x\u2003y 𝐀𝟘 e\u0301 don’t ‘q’ \u200b zero\u200bwidth \ufeffbom',
];

const BLOCKS = [
  '# h1\n\n## h2\n\n###### h6',
  'Setext\n======\n\nSub\n---',
  '### heading with `code` and [link](https://ok.example) ###',
  '- a\n- b\n  - nested\n    - deeper\n- c',
  '- loose\n\n- list\n\n  > quoted in item',
  '- a\n  > quote right after a tight item\n- b',
  '1. one\n2. two',
  '0. zero start\n1. one',
  '7) paren\n8) list',
  '123456789. big start',
  '> quote\n> > nested\n> > > deeper',
  '```\nplain fence "q" & <x>\n```',
  '```js\nconst a = "b" && c < d;\n```',
  '~~~ "><script>alert(1)</script>\nfence with hostile info\n~~~',
  '``` &#32;\nentity-only info\n```',
  '```\nunclosed fence',
  '    indented code "q" & <x>\n    line two',
  '| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| "q" | & | <x> |',
  '| head only |\n|---|',
  '| a |\n|---|\n| [l](javascript:x) |',
  '---\n\n***\n\n___',
  '<div>\nraw block\n</div>',
  '<div>\n\n*markdown inside an open div*\n\n</div>',
  '<div class="x" style="color:red">',
  '<script>\nalert(1)\n</script>',
  '<script>\nnever closed',
  '<style>\nbody{}\n</style>',
  '<title>\n\nswallows what follows',
  '<textarea>\nraw text\n</textarea>',
  '<!--\nunclosed comment',
  '<!-- closed -->',
  '<?php echo 1; ?>',
  '<!DOCTYPE html>',
  '<![CDATA[\ncdata\n]]>',
  '<table><tr><td>raw table</td></tr></table>',
  '<p>raw paragraph',
  '<ul>\n<li>raw item\n</ul>',
  '<svg><circle r="1"/></svg>',
  '<iframe src="https://x.example"></iframe>',
  '<form action="https://x.example"><input name="a"></form>',
  '<h2>raw h2</h2>',
  '<img src="javascript:alert(1)">',
  '<span>\n\nparagraphs inside an open span\n\n</span>',
  '</div> stray close',
  '</p>',
  '> <!-- comment opened in a quote\n\nafter the quote',
  '- <b>open bold in an item\n- next item',
  `${'>'.repeat(30)} very deep quote`,
  `${'- '.repeat(25)}very deep list`,
  `${'*'.repeat(300)}stars${'*'.repeat(300)}`,
  `${'*'.repeat(1000)}deeper than the sanitiser allows${'*'.repeat(1000)}`,
  `${'<span>'.repeat(250)}deep raw${'</span>'.repeat(250)}`,
  `${'['.repeat(50)}brackets${'](x)'.repeat(50)}`,
];

/** A seeded random document: blocks and paragraphs of inline pieces, sometimes inside a quote or an item. */
function hostileDocument(rand: () => number): string {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const parts: string[] = [];
  const count = 1 + Math.floor(rand() * 8);
  for (let i = 0; i < count; i++) {
    let part =
      rand() < 0.5
        ? Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(INLINE)).join(pick([' ', '\n', '']))
        : pick(BLOCKS);
    const wrap = rand();
    if (wrap < 0.1) part = part.replace(/^/gm, '> ');
    else if (wrap < 0.2) part = `- ${part.replace(/\n/g, '\n  ')}`;
    else if (wrap < 0.25) part = `1. ${part.replace(/\n/g, '\n   ')}`;
    parts.push(part);
  }
  // article.ts removes literal reserved characters before any of this runs
  return parts.join(pick(['\n\n', '\n', '\n\n\n'])).replace(RESERVED_CHARACTERS, '');
}

describe('sanitised HTML written from the tokens', () => {
  it('models the allowlist as it stands (otherwise every document silently takes the reference path)', () => {
    expect(ALLOWLIST_MODELLED).toBe(true);
  });

  it('equals the reference on each hostile piece alone', () => {
    const counts = expectSame([...INLINE, ...BLOCKS]);
    // both kinds of block were met: some written from tokens, some sanitised
    expect(counts.written).toBeGreaterThan(40);
    expect(counts.sanitised).toBeGreaterThan(20);
  });

  it('equals the reference on 2000 seeded random documents made of hostile pieces', () => {
    const rand = random(22);
    const documents = Array.from({ length: 2000 }, () => hostileDocument(rand));
    const counts = expectSame(documents);
    expect(counts.written).toBeGreaterThan(1000);
    expect(counts.sanitised).toBeGreaterThan(1000);
    expect(counts.whole).toBeGreaterThan(10); // nesting too deep for the sanitiser: the reference, whole
  });

  it('equals the reference on the test fixtures and the benchmark corpus', () => {
    const sources: string[] = [];
    const collect = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) collect(path);
        else if (entry.name.endsWith('.md'))
          sources.push(readFileSync(path, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
      }
    };
    collect('test/fixtures');
    const rand = random(7);
    for (let i = 0; i < 200; i++)
      for (const [name, text] of Object.entries(corpusEdition(i, rand).files))
        if (name.endsWith('.md')) sources.push(text.replace(/^---\n[\s\S]*?\n---\n/, ''));
    const counts = expectSame(sources);
    expect(counts.written).toBeGreaterThan(3000);
  });

  it('sends nothing to the sanitiser for Markdown without raw HTML', () => {
    const before = { ...markdownCounts };
    const { tokens } = both(
      '## A heading\n\nText with "quotes", [a link](https://ok.example/?a=1&b=2) and ![an image](https://img.example/a.png).\n\n- one\n- two\n\n```js\ncode\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    );
    expect(markdownCounts.sanitised - before.sanitised).toBe(0);
    expect(markdownCounts.whole - before.whole).toBe(0);
    expect(tokens.html).toContain(
      '<p>Text with "quotes", <a href="https://ok.example/?a=1&amp;b=2">a link</a>',
    );
    expect(tokens.html).toContain('<img src="https://img.example/a.png" alt="an image" width="552" />');
    expect(tokens.html).toContain('<pre><code>code\n</code></pre>');
  });

  it('drops an unsafe Markdown URL without the sanitiser, and keeps the link text', () => {
    const before = { ...markdownCounts };
    const { tokens } = both(
      'See [this](javascript:alert(1)) and ![x](data:image/png;base64,AA) and [that](//evil.example).\n',
    );
    expect(markdownCounts.sanitised - before.sanitised).toBe(0);
    expect(tokens.html).toBe('<p>See <a>this</a> and  and <a>that</a>.</p>\n');
  });
});

// The token path copies sanitize-html's defaults rather than load it (most articles never need it): for every
// tag and attribute the allowlist allows, the copy must say what the installed sanitize-html says.
describe("sanitize-html's defaults, as the token path copies them", () => {
  it('match the installed library for every tag and attribute the allowlist allows', () => {
    const library = sanitizeHtml.defaults as typeof sanitizeHtml.defaults & {
      allowedEmptyAttributes: string[];
    };
    const tags = ALLOWLIST.allowedTags as string[];
    const attributes = [
      ...new Set(Object.values(ALLOWLIST.allowedAttributes as Record<string, string[]>).flat()),
    ];
    expect(tags.length).toBeGreaterThan(10);
    expect(attributes.length).toBeGreaterThan(5);
    for (const tag of tags)
      expect(SANITIZER_DEFAULTS.selfClosing.includes(tag), tag).toBe(library.selfClosing.includes(tag));
    for (const attribute of attributes) {
      expect(SANITIZER_DEFAULTS.nonBooleanAttributes.includes(attribute), attribute).toBe(
        library.nonBooleanAttributes.includes(attribute),
      );
      expect(SANITIZER_DEFAULTS.allowedSchemesAppliedToAttributes.includes(attribute), attribute).toBe(
        library.allowedSchemesAppliedToAttributes.includes(attribute),
      );
    }
    expect(SANITIZER_DEFAULTS.allowedEmptyAttributes).toEqual(library.allowedEmptyAttributes);
    expect(SANITIZER_DEFAULTS.allowProtocolRelative).toBe(library.allowProtocolRelative);
  });
});
