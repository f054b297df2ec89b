// Plain-text wrapping by display width: wide CJK characters take two columns, combining marks none.
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { displayWidth, ONE_COLUMN, rewrapWide, wrap } from '../../src/render/wrap.js';

const JA =
  '東京の天気は今週ずっと雨でした。週末には晴れる見込みですが、気温は低いままです。「傘を忘れずに」と気象庁は呼びかけています。';

describe('wrap', () => {
  it('fills Japanese lines to the width in columns, breaking between characters', () => {
    const lines = wrap(JA, 40).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(displayWidth(lines[0])).toBeGreaterThanOrEqual(38);
    expect(lines.join('')).toBe(JA);
  });

  it('starts no line with closing punctuation and ends none with an opening one', () => {
    for (const width of [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30])
      for (const line of wrap(JA, width).split('\n')) {
        expect(line, `width ${width}`).not.toMatch(/^[、。」]/);
        expect(line, `width ${width}`).not.toMatch(/「$/);
      }
  });

  it('counts a letter with combining marks as one column', () => {
    const word = 'e\u0301\u0323'; // é with a dot below: three code points, one column
    const line = Array.from({ length: 10 }, () => word).join(' ');
    expect(displayWidth(line)).toBe(19);
    expect(wrap(line, 19)).toBe(line);
  });

  it('wraps English exactly as before: words whole, at spaces', () => {
    expect(wrap('the quick brown fox jumps over the lazy dog', 15, '  ')).toBe(
      '  the quick\n  brown fox\n  jumps over\n  the lazy dog',
    );
  });
});

describe('rewrapWide', () => {
  it('re-wraps an over-wide list item under its marker and leaves narrow lines alone', () => {
    const out = rewrapWide(`short line\n * ${JA}`, 40).split('\n');
    expect(out[0]).toBe('short line');
    expect(out[1].startsWith(' * ')).toBe(true);
    for (const line of out.slice(2)) expect(line.startsWith('   ')).toBe(true);
    for (const line of out) expect(displayWidth(line)).toBeLessThanOrEqual(40);
  });

  it('keeps the quote marker on every line of a quote', () => {
    for (const line of rewrapWide(`> ${JA}`, 30).split('\n')) expect(line.startsWith('> ')).toBe(true);
  });
});

describe('display width', () => {
  // one-column text is measured by its length, everything else by string-width: the same figures
  it('agrees with string-width on every one-column character, and on mixed text', () => {
    const samples = [
      '',
      'tab\there',
      '\u001b[31mred\u001b[0m',
      'soft\u00adhyphen',
      'e\u0301 combining',
      '\u200bzero width',
      '日本語のテキスト',
      '👍🏽 ok',
    ];
    const ranges = [...ONE_COLUMN.source.matchAll(/\\[xu]([0-9a-f]+)-\\[xu]([0-9a-f]+)/g)].map(
      ([, from, to]) => [parseInt(from!, 16), parseInt(to!, 16)] as const,
    );
    expect(ranges.length).toBeGreaterThan(4);
    const oneColumn: string[] = [];
    for (const [from, to] of ranges)
      for (let code = from; code <= to; code++) oneColumn.push(String.fromCodePoint(code));
    samples.push(...oneColumn);
    // strings of them, and of them with anything else, character by character
    let seed = 7;
    const pick = (pool: string[]) => pool[(seed = (seed * 48271) % 2147483647) % pool.length]!;
    const other = [...'\t\u0300\u200d\u3042\ufe0f\u{1f44d}\u00ad\u0483'];
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let i = 0; i < 16; i++) text += n % 2 === 0 && i % 4 === 0 ? pick(other) : pick(oneColumn);
      samples.push(text);
    }
    for (const text of samples) expect(displayWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
  });
});
