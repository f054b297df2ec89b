import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/content/article.js';

const parse = (text: string) => parseArticle(new TextEncoder().encode(text), 'content/e/01-a.md');
const article = (body: string, front = 'title: T\n') => parse(`---\n${front}---\n${body}`);

describe('Markdown articles', () => {
  it('reads the known fields and keeps unknown ones for templates', async () => {
    const { article: a, diagnostics } = await article(
      'Hello *world*.\n',
      'title: T\ndek: D\nauthor: A\nauthor_bio: B\ndate: 2026-11-20\nurl: https://x.example/a\nimage: https://x.example/i.png\nimage_alt: An image\ntags: [one, two]\nsponsor: Acme\n',
    );
    expect(diagnostics).toEqual([]);
    expect(a).toMatchObject({
      slug: 'a',
      title: 'T',
      dek: 'D',
      author: 'A',
      authorBio: 'B',
      date: '2026-11-20',
      url: 'https://x.example/a',
      image: 'https://x.example/i.png',
      imageAlt: 'An image',
      tags: ['one', 'two'],
      extra: { sponsor: 'Acme' },
    });
    expect(a!.html).toBe('<p>Hello <em>world</em>.</p>\n');
  });

  it('drops an unknown key holding a scripting URL, as browsers would read it, and keeps free text with colons', async () => {
    const { article: a, diagnostics } = await article(
      'Body.\n',
      [
        'title: T',
        'sponsor_link: " JaVa\\tScRiPt:alert(1)"',
        'links:',
        '  - https://ok.example',
        '  - "data:text/html,<script>alert(1)</script>"',
        'note: "Remember: bring a pen"',
        'site: https://ok.example/page',
        '',
      ].join('\n'),
    );
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['UNSAFE_URL', 3],
      ['UNSAFE_URL', 4],
    ]);
    expect(a!.extra).toEqual({ note: 'Remember: bring a pen', site: 'https://ok.example/page' });
  });

  it('requires a title', async () => {
    expect((await article('Body\n', 'dek: x\n')).diagnostics[0]).toMatchObject({
      code: 'TITLE_MISSING',
      file: 'content/e/01-a.md',
      line: 1,
    });
  });

  it('reports an empty body at the line where it should start', async () => {
    expect((await article('\n\n')).diagnostics[0]).toMatchObject({ code: 'ARTICLE_EMPTY', line: 4 });
  });

  it('lets a link (an article with a url) have no body, as imported roundups do', async () => {
    const { article: a, diagnostics } = await article('', 'title: T\nurl: https://x.example/a\nsource: X\n');
    expect(diagnostics).toEqual([]);
    expect(a).toMatchObject({
      title: 'T',
      url: 'https://x.example/a',
      source: 'X',
      html: '',
      wordCount: 0,
      extra: {},
    });
  });

  it('renders tables and starts article headings at h3 without skipping levels', async () => {
    const { article: a } = await article('### Deep\n\n#### Deeper\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(a!.html).toContain('<h3>Deep</h3>');
    expect(a!.html).toContain('<h4>Deeper</h4>');
    expect(a!.html).toContain('<table>');
    expect(a!.html).toContain('<td>1</td>');
  });

  it('drops javascript:, data: and vbscript: links in any casing or encoding, with a warning at the line', async () => {
    const body =
      'Fine [ok](https://ok.example).\n\nBad [a](JaVaScRiPt:alert(1)).\n\n![x](data:image/png;base64,AAAA)\n\n<a href="jav&#x61;script:alert(1)">b</a> <a href="vbscript:msgbox">c</a>\n';
    const { article: a, diagnostics } = await article(body);
    expect(a!.html).toContain('href="https://ok.example"');
    expect(a!.html.toLowerCase()).not.toMatch(/javascript|vbscript|data:|<img/);
    expect(a!.html).toContain('Bad <a>a</a>.');
    expect(a!.html).toContain('<a>b</a> <a>c</a>');
    const unsafe = diagnostics.filter((d) => d.code === 'UNSAFE_URL');
    expect(unsafe.map((d) => d.line)).toEqual([6, 8, 10, 10]);
    expect(unsafe.every((d) => d.severity === 'warning' && d.file === 'content/e/01-a.md')).toBe(true);
  });

  it('sanitises raw HTML: no script, iframe, form, handlers or styles, with a warning at the line', async () => {
    const body =
      'Intro.\n\n<p onclick="steal()" style="position:fixed;top:0">text</p>\n\n<script>alert(1)</script>\n<iframe src="https://x.example"></iframe>\n<form action="https://x.example"><input name="a"></form>\n';
    const { article: a, diagnostics } = await article(body);
    expect(a!.html).toContain('<p>text</p>');
    expect(a!.html).not.toMatch(/script|iframe|form|input|onclick|style|position/);
    const removed = diagnostics.filter((d) => d.code === 'HTML_REMOVED');
    expect(removed.map((d) => d.line)).toEqual([6, 8, 9]);
  });

  it('warns only of what it removes: a table cell keeps its alignment, a span loses its style', async () => {
    const body =
      'Intro.\n\n<table><tr><td style="text-align:right">1</td><th style="text-align: center;">2</th></tr></table>\n\nAnd <span style="color:red">red</span>, <TD STYLE="color:red">x</TD>.\n';
    const { article: a, diagnostics } = await article(body);
    expect(a!.html).toContain('<td style="text-align:right">1</td>');
    expect(a!.html).toContain('<span>red</span>');
    const removed = diagnostics.filter((d) => d.code === 'HTML_REMOVED');
    expect(removed.map((d) => [d.line, d.message])).toEqual([
      [8, 'removed style attributes from the article'],
      [8, 'removed style attributes from the article'],
    ]);
  });

  it('keeps template and MJML syntax as text', async () => {
    const { article: a } = await article(
      'Hello {{name}} {{{raw}}} <mj-include path="/etc/passwd" /> &lt;mj-include path="x"&gt;\n',
    );
    expect(a!.html).toContain('{{name}} {{{raw}}}');
    expect(a!.html).not.toContain('<mj-include');
  });

  it('drops unsafe front matter URLs with a warning naming the key line', async () => {
    const { article: a, diagnostics } = await article(
      'Body.\n',
      'title: T\nurl: " javascript:alert(1)"\nimage: data:image/png;base64,AA\n',
    );
    expect(a).not.toHaveProperty('url');
    expect(a).not.toHaveProperty('image');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['UNSAFE_URL', 3],
      ['UNSAFE_URL', 4],
    ]);
  });

  it('rejects an invalid date with its line', async () => {
    expect((await article('Body.\n', 'title: T\ndate: next tuesday\n')).diagnostics[0]).toMatchObject({
      code: 'DATE_INVALID',
      line: 3,
      column: 1,
    });
  });

  it('removes reserved private-use characters, which could forge recipient fields', async () => {
    const { article: a, diagnostics } = await article('Hi \uE000unsubscribe_url\uE002 there.\n');
    expect(a!.html).toBe('<p>Hi unsubscribe_url there.</p>\n');
    expect(diagnostics[0]).toMatchObject({ code: 'RESERVED_CHARACTER', line: 4 });
  });
});

describe('reserved characters written as escapes', () => {
  it('removes them when they come from HTML entities in Markdown or raw HTML', async () => {
    const { article: a } = await article(
      'Hi &#xE000;unsubscribe_url&#xE002; and <span>&#57344;email&#57346;</span>.\n',
    );
    expect(a!.html).not.toMatch(/[\uE000-\uE00F]/);
  });

  it('removes them when they come from YAML escapes in front matter', async () => {
    const { article: a } = await article(
      'Body.\n',
      'title: "Hi \\uE000email\\uE002"\ndek: "\\uE000first_name\\uE002"\nsponsor: "\\uE000unsubscribe_url\\uE002"\n',
    );
    expect(a!.title).toBe('Hi email');
    expect(a!.dek).toBe('first_name');
    expect(a!.extra).toEqual({ sponsor: 'unsubscribe_url' });
  });
});
