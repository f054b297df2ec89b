import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/content/article.js';
import { SAMPLE } from '../helpers/project.js';

const seed = readFileSync(join(SAMPLE, 'content/kursk-talks.txt'));
const parse = (text: string | Uint8Array, file = 'content/a.txt') =>
  parseArticle(typeof text === 'string' ? new TextEncoder().encode(text) : text, file);

describe('plain-text articles', () => {
  it('reads the seed: title, dek, body, byline and bio', async () => {
    const { article, diagnostics } = await parse(seed, 'content/kursk-talks.txt');
    expect(diagnostics).toEqual([]);
    expect(article).toBeDefined();
    expect(article!.title).toBe('Russia Says Talks With Ukraine Are Impossible After Kursk Offensive');
    expect(article!.dek).toBe(
      'The Ukrainian assault on Kursk was seen as an attempt to gain leverage on Russia for negotiations',
    );
    expect(article!.author).toBe('Dave DeCamp');
    expect(article!.authorBio).toBe(
      'Dave DeCamp is the news editor of Antiwar.com, follow him on Twitter @decampdave.',
    );
    expect(article!.html.match(/<p>/g)).toHaveLength(8);
    expect(article!.html).toContain('Russia’s Kursk Oblast');
    expect(article!.html).not.toContain('Author:');
    expect(article!.html).not.toContain('<a');
    // the seed has no date and no URL: left out, never invented
    expect(article).not.toHaveProperty('date');
    expect(article).not.toHaveProperty('url');
  });

  it('accepts a BOM and CRLF line endings with the same result', async () => {
    const crlf = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode(seed.toString('utf8').replace(/\n/g, '\r\n')),
    ]);
    expect((await parse(crlf, 'content/kursk-talks.txt')).article).toEqual(
      (await parse(seed, 'content/kursk-talks.txt')).article,
    );
  });

  it('keeps Unicode and shows template syntax and markup literally', async () => {
    const { article } = await parse(
      'Title\n\nA café\u00a0au lait with {{secret}} and <script>alert(1)</script> and *stars*.\n',
    );
    expect(article!.html).toBe(
      '<p>A café\u00a0au lait with {{secret}} and &lt;script&gt;alert(1)&lt;/script&gt; and *stars*.</p>',
    );
  });

  it('treats a punctuated second paragraph as body, not dek', async () => {
    const { article } = await parse('Title\n\nThis is a sentence.\n\nAnother one.\n');
    expect(article!.dek).toBeUndefined();
    expect(article!.html.match(/<p>/g)).toHaveLength(2);
  });

  it('lets front matter override what is inferred', async () => {
    const { article } = await parse(
      '---\ndate: 2026-01-02\nauthor: Someone Else\n---\nTitle\n\nDek line\n\nBody.\n\nAuthor: Dave\n',
    );
    expect(article).toMatchObject({
      title: 'Title',
      dek: 'Dek line',
      date: '2026-01-02',
      author: 'Someone Else',
    });
  });

  it('reports an empty article and one without a body', async () => {
    expect((await parse('')).diagnostics[0]).toMatchObject({ code: 'ARTICLE_EMPTY', file: 'content/a.txt' });
    expect((await parse('\n\n  \n')).article).toBeUndefined();
    expect((await parse('Only a title\n')).diagnostics[0].code).toBe('ARTICLE_EMPTY');
  });

  it('reports invalid UTF-8 with its line', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Title\n\nok\n'), 0xff, 0xfe, 0x41]);
    expect((await parse(bytes)).diagnostics[0]).toMatchObject({ code: 'FILE_ENCODING', line: 4 });
  });
});
