// Keeping text that looks like a platform's template syntax as text. The platform reads the source before
// anyone renders it, so:
//   - in HTML, the first character of each match becomes a character reference ("{{" -> "&#123;{"): browsers
//     show the same text, the platform sees no tag. <style> and <script> decode no references, so a match
//     there cannot be escaped this way.
//   - in plain text there are no references: the platform's own escape is used, where it has one.
import type { Part, Platform } from './platform.js';

export interface Span {
  /**
   * literal: document text; tag: a merge tag we wrote; escape: the platform's escape for literal syntax;
   * unescaped: literal syntax the platform cannot escape (already reported; the export fails).
   */
  kind: 'literal' | 'tag' | 'escape' | 'unescaped';
  text: string;
}

export interface Unescapable {
  match: string;
  /** Offset in the text that was being escaped. */
  index: number;
}

/** A fresh global copy of the platform's pattern: RegExp objects carry state (lastIndex) between uses. */
export const syntaxOf = (platform: Platform, part: Part = 'html'): RegExp =>
  global((part === 'text' && platform.textSyntax) || platform.syntax);

const global = (pattern: RegExp): RegExp =>
  new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);

const RAW_TEXT = /<(style|script)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

// The same HTML is escaped for every platform in turn: its <style> and <script> ranges are found once.
let lastRaw: { html: string; ranges: (readonly [number, number])[] } | undefined;
function rawTextRanges(html: string): (readonly [number, number])[] {
  if (lastRaw?.html !== html)
    lastRaw = {
      html,
      ranges: [...html.matchAll(RAW_TEXT)].map((m) => [m.index, m.index + m[0].length] as const),
    };
  return lastRaw.ranges;
}

export function escapeHtmlSyntax(
  html: string,
  platform: Platform,
): { html: string; unescapable: Unescapable[] } {
  const raw = rawTextRanges(html);
  const unescapable: Unescapable[] = [];
  const pattern = syntaxOf(platform);
  let out = '';
  let copied = 0;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    const at = m.index;
    if (raw.some(([start, end]) => at >= start && at < end)) {
      unescapable.push({ match: m[0], index: at });
      pattern.lastIndex = at + Math.max(1, m[0].length);
      continue;
    }
    out += `${html.slice(copied, at)}&#${html.codePointAt(at)};`;
    copied = at + 1;
    // Look again from the next character: "{{{" holds a second "{{" once the first brace is a reference.
    pattern.lastIndex = at + 1;
  }
  return { html: out + html.slice(copied), unescapable };
}

/** The text as spans: literal text, the platform's escapes, and what it has no escape for ('unescaped'). */
export function escapeTextSyntax(text: string, platform: Platform): Span[] {
  const spans: Span[] = [];
  const pattern = syntaxOf(platform, 'text');
  let copied = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const escaped = platform.escapeText?.(m[0]);
    if (m.index > copied) spans.push({ kind: 'literal', text: text.slice(copied, m.index) });
    spans.push(escaped === undefined ? { kind: 'unescaped', text: m[0] } : { kind: 'escape', text: escaped });
    copied = m.index + m[0].length;
  }
  if (copied < text.length) spans.push({ kind: 'literal', text: text.slice(copied) });
  return spans;
}

/** HTML literal text as spans, with what the engine would drop written so that it survives (`keepHtml`). */
export function keepHtml(text: string, platform: Platform): Span[] {
  const keep = platform.keepHtml;
  if (!keep) return [{ kind: 'literal', text }];
  const spans: Span[] = [];
  let copied = 0;
  for (const m of text.matchAll(global(keep.pattern))) {
    if (m.index > copied) spans.push({ kind: 'literal', text: text.slice(copied, m.index) });
    spans.push({ kind: 'escape', text: keep.write(m[0]) });
    copied = m.index + m[0].length;
  }
  if (copied < text.length) spans.push({ kind: 'literal', text: text.slice(copied) });
  return spans;
}
