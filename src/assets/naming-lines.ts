// Where in a content file an image is named, for its diagnostics. The HTML the stage rewrites has lost its
// positions, so each reference is looked up in the file's text in order: the n-th use of a path is found
// after the (n-1)-th, in the body (after the front matter), as written or as Markdown percent-encoded it.
import type { EditionSource } from '../content/discover.js';
import { decodeUtf8 } from '../content/text.js';

export class NamingLines {
  private readonly lines = new Map<string, string[]>();
  /** Per file and path: the line index after the last one found. */
  private readonly next = new Map<string, number>();

  constructor(private readonly source: EditionSource) {}

  /** 1-based line and column of the next use of `src` in `file`; empty when it cannot be found. */
  find(file: string, src: string): { line?: number; column?: number } {
    const lines = this.linesOf(file);
    const key = `${file}\0${src}`;
    const from = this.next.get(key) ?? bodyStart(lines);
    for (const candidate of [src, safeDecode(src), src.replace(/[?#].*$/, '')]) {
      for (let index = from; index < lines.length; index++) {
        const column = lines[index]!.indexOf(candidate);
        if (column < 0) continue;
        this.next.set(key, index + 1);
        return { line: index + 1, column: column + 1 };
      }
    }
    return {};
  }

  /** The file's text by lines (decoded once). */
  linesOf(file: string): string[] {
    let lines = this.lines.get(file);
    if (!lines) {
      const bytes = [this.source.editionFile, ...this.source.articles].find((f) => f?.file === file)?.bytes;
      const decoded = bytes ? decodeUtf8(bytes) : undefined;
      lines = decoded && 'text' in decoded ? decoded.text.split('\n') : [];
      this.lines.set(file, lines);
    }
    return lines;
  }
}

/** The first line after the front matter (0 without one). */
function bodyStart(lines: string[]): number {
  if (lines[0]?.trim() !== '---') return 0;
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  return close < 0 ? 0 : close + 1;
}

function safeDecode(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}
