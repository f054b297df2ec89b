import { describe, expect, it } from 'vitest';
import { htmlToPlainText, wrap } from '../../src/render/plain-text.js';

describe('article HTML to plain text', () => {
  it('numbers link references and lists them once each', () => {
    const { text, links } = htmlToPlainText(
      '<p>See <a href="https://a.example">this</a>, <a href="https://b.example">that</a> and <a href="https://a.example">this again</a>.</p>',
    );
    expect(text).toBe('See this\u00a0[1], that\u00a0[2] and this again\u00a0[1].');
    expect(links).toEqual(['https://a.example', 'https://b.example']);
  });

  it('does not repeat a URL that is already the link text', () => {
    const { text, links } = htmlToPlainText(
      '<p><a href="https://a.example">https://a.example</a> <a href="mailto:x@y.example">x@y.example</a></p>',
    );
    expect(text).toBe('https://a.example x@y.example');
    expect(links).toEqual([]);
  });

  it('wraps paragraphs within 76 columns and keeps headings, lists, quotes and tables readable', () => {
    const html = `<h3>Heading</h3><p>${'word '.repeat(40)}</p><ul><li>one</li><li>two</li></ul><blockquote><p>quoted</p></blockquote><table><thead><tr><th>Name</th><th>Value</th></tr></thead><tbody><tr><td>alpha</td><td>1</td></tr></tbody></table>`;
    const { text } = htmlToPlainText(html);
    expect(text.split('\n').every((line) => line.length <= 76)).toBe(true);
    expect(text).toContain('Heading\n-------');
    expect(text).toContain(' * one\n * two');
    expect(text).toContain('> quoted');
    expect(text).toMatch(/Name {3,}Value\nalpha {3,}1/);
  });

  it('does not truncate long input', () => {
    const long = `<p>${'lorem '.repeat(30000)}end</p>`;
    expect(htmlToPlainText(long).text.endsWith('end')).toBe(true);
  });

  it('shows an image by its alt text', () => {
    expect(htmlToPlainText('<p><img src="https://x.example/a.png" alt="A chart"></p>').text).toBe(
      '[Image: A chart]',
    );
  });
});

describe('wrap', () => {
  it('breaks at word boundaries and keeps long words whole', () => {
    expect(wrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrap('https://very-long.example/path short', 10)).toBe('https://very-long.example/path\nshort');
    expect(wrap('a b', 76, '  ')).toBe('  a b');
  });
});
