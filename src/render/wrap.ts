// Word wrapping for the plain-text edition, on its own: the template helpers need it at every template
// compile, the HTML-to-text converter (and its libraries) only when an edition is rendered.
// Widths are display columns (string-width): a wide CJK character takes 2, a combining mark 0. Chinese and
// Japanese put no spaces between words, so a line may also break between two wide characters, but never
// before closing punctuation nor after opening punctuation (the line-start and line-end rules of CJK
// typesetting, in their simplest form).
import stringWidth from 'string-width';

export const TEXT_WIDTH = 76;

// Printable ASCII, Latin-1 and Latin Extended letters, and typographic punctuation (dashes, curly quotes,
// ellipsis) and currency signs take one column each, and none joins its neighbour into one character: most
// text, measured without string-width's walk through its characters (half a millisecond an edition).
// test/render/wrap-width.test.ts compares the two on every one of these characters.
export const ONE_COLUMN = /^[\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]*$/;
export const displayWidth = (text: string): number =>
  ONE_COLUMN.test(text) ? text.length : stringWidth(text);

const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;
const NO_LINE_START =
  /^[、。，．・：；？！ー）」』】〕〉》〙〗｝”’ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ!),.:;?\]}…]/u;
const NO_LINE_END = /[（「『【〔〈《〘〖｛“‘([{]$/u;

/** A word's pieces a line may break between: each wide character on its own, other runs whole. */
function pieces(word: string): string[] {
  if (!WIDE.test(word)) return [word];
  const out: string[] = [];
  for (const { segment } of graphemes.segment(word)) {
    const last = out[out.length - 1];
    const breakable =
      last !== undefined &&
      (WIDE.test(segment) || WIDE.test(last.slice(-1))) &&
      !NO_LINE_START.test(segment) &&
      !NO_LINE_END.test(last);
    if (last === undefined || !breakable) out[out.length ? out.length - 1 : 0] = (last ?? '') + segment;
    else out.push(segment);
  }
  return out;
}
let segmenter: Intl.Segmenter | undefined; // made on first use: slow to make, and only CJK text needs it
const graphemes = {
  segment: (text: string) =>
    (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text),
};

/** Greedy wrap for template fields (titles, deks, bios). Pieces wider than the width stay whole. */
export function wrap(text: string, width = TEXT_WIDTH, indent = '', nextIndent = indent): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    let first = true;
    const room = () => width - displayWidth(first ? indent : nextIndent);
    const flush = () => {
      lines.push((first ? indent : nextIndent) + line);
      first = false;
    };
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      pieces(word).forEach((piece, i) => {
        const gap = line && i === 0 ? 1 : 0; // pieces of one word join without a space
        const pieceWidth = displayWidth(piece);
        if (line && lineWidth + gap + pieceWidth > room()) {
          flush();
          line = piece;
          lineWidth = pieceWidth;
        } else {
          line += (gap ? ' ' : '') + piece;
          lineWidth += gap + pieceWidth;
        }
      });
    }
    flush();
  }
  return lines.join('\n');
}

/**
 * Re-wraps the lines of converted text that are wider than `width` in display columns (html-to-text counts
 * UTF-16 units and breaks only at spaces, so CJK paragraphs come out as one long line). A line's leading
 * marker (indent, "> ", " * ", "1. ") starts its first line; continuation lines get the same width of
 * spaces, or the quote marks.
 */
export function rewrapWide(text: string, width = TEXT_WIDTH): string {
  return text
    .split('\n')
    .map((line) => {
      if (displayWidth(line) <= width) return line;
      const [, lead] = /^((?:\s*>)*\s*(?:[*-]\s+|\d+\.\s+)?)/.exec(line) ?? ['', ''];
      const quotes = /^(?:\s*>)*\s*/.exec(lead)![0];
      const next = quotes + ' '.repeat(displayWidth(lead) - displayWidth(quotes));
      return wrap(line.slice(lead.length), width, lead, next);
    })
    .join('\n');
}
