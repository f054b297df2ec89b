// Where a piece of an exported part came from: the edition's content files, then its templates. The plain
// text is wrapped and reworded (Markdown marks dropped, links numbered), so a line of it is looked up by the
// words that follow a problem, shorter and shorter, with any run of white space matching any other; and
// occurrence by occurrence, so that the same text in two articles is reported at both.
import { lineColumnAt } from '../content/text.js';
import type { Location } from '../diagnostics/diagnostic.js';

export interface SourceText {
  /** As diagnostics show it: relative to the project root. */
  file: string;
  text: string;
}

/** A place in the sources: the search for the next occurrence starts there. */
export interface Cursor {
  source: number;
  offset: number;
}

export interface Found {
  location: Location;
  next: Cursor;
}

export type Locate = (needle: string, from?: Cursor) => Found | undefined;

const START: Cursor = { source: 0, offset: 0 };

/** Finds `needle` from `from` onwards (wrapping round to the top once); white space matches white space. */
export function sourceLocator(sources: readonly SourceText[]): Locate {
  return (needle, from = START) => {
    const words = needle.trim();
    if (!words) return undefined;
    const pattern = new RegExp(
      words
        .split(/\s+/)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\s+'),
      'g',
    );
    // From the cursor to the end of the sources, then from the top (the cursor's source whole) as a last try.
    const order: Cursor[] = [
      from,
      ...sources.map((_, source) => ({ source, offset: 0 })).slice(from.source + 1),
      ...sources.map((_, source) => ({ source, offset: 0 })).slice(0, from.source + 1),
    ];
    for (const { source, offset } of order) {
      const { file, text } = sources[source] ?? { file: '', text: '' };
      pattern.lastIndex = offset;
      const m = pattern.exec(text);
      if (!m) continue;
      return {
        location: { file, ...lineColumnAt(text, m.index) },
        next: { source, offset: m.index + 1 },
      };
    }
    return undefined;
  };
}

/**
 * Where the text at `index` of an exported part came from: the words from there to the end of its
 * paragraph, fewer and fewer, each looked up from `from`; undefined when not even `match` is found.
 */
export function locateAt(locate: Locate, part: string, index: number, match: string, from?: Cursor) {
  const paragraph = part
    .slice(index)
    .split(/\n\s*\n/)[0]!
    .replace(/\s+/g, ' ')
    .slice(0, 80);
  for (const extra of [60, 40, 24, 12, 0]) {
    const found = locate(paragraph.slice(0, match.length + extra), from);
    if (found) return found;
  }
  return locate(match, from);
}
