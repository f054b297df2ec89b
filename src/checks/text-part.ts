// The plain-text part, read as its readers (and spam filters) read it: present, free of HTML and CSS
// leftovers, wrapped at 78 columns (a lone URL may run longer: breaking it breaks the link), carrying every
// link of the HTML, and telling the same story at about the same length: when the two parts differ much,
// SpamAssassin's MPART_ALT_DIFF fires.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { layoutFile, locate, urlNeedles } from './locate.js';
import type { BuiltEdition, Rule } from './rule.js';
import { countWordsOutsideUrls } from './word-count.js';

export const TEXT_MAX_COLUMNS = 78;
/** The text part should have at least this share of the HTML's words. */
export const TEXT_MIN_WORD_RATIO = 0.7;
const MAX_LONG_LINES = 5;
/** A URL alone on its line, maybe after its reference number: breaking it would break the link. */
const LONE_URL = /^\s*(\[\d+\]\s*)?[a-z][a-z0-9+.-]*:\S+$/i;

export const textPartRule: Rule = (built) => {
  if (built.text.trim() === '') {
    return [
      diag(
        'TEXT_MISSING',
        'error',
        'the plain-text part is empty',
        { file: layoutFile(built, 'txt') },
        'check templates/<layout>.txt.hbs',
      ),
    ];
  }
  const seen = built.page.text;
  return [...residue(built, seen), ...longLines(built), ...missingLinks(built), ...tooShort(built, seen)];
};

// each with a character it cannot match without: most texts lack it, and the pattern is not run at all
const RESIDUE: [RegExp, string, string][] = [
  [/<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>/gi, 'an HTML tag', '<'],
  [/&(#\d+|#x[0-9a-f]+|[a-z]{2,8});/gi, 'an HTML entity', '&'],
  [/[a-z-]+\s*:\s*[^;{}\n]+;\s*[a-z-]+\s*:/gi, 'CSS declarations', ';'],
  [/[.#]?[a-z][\w-]*\s*\{[^}\n]*:[^}\n]*\}/gi, 'a CSS rule', '{'],
];

/** Markup in the text that the reader of the HTML does not see as text: a conversion left it behind. */
function residue(built: BuiltEdition, seen: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [pattern, what, needed] of RESIDUE) {
    if (!built.text.includes(needed)) continue;
    const found = [...built.text.matchAll(pattern)].map((m) => m[0]).find((m) => !seen.includes(m)); // shown in the HTML too: it is content (code)
    if (found) {
      diagnostics.push(
        diag(
          'TEXT_HTML_RESIDUE',
          'warning',
          `the plain text contains ${what}: ${found.slice(0, 60)}`,
          locate(built, found),
          'write it as plain text; markup in the text part reads as noise and as a careless sender to filters',
        ),
      );
    }
  }
  return diagnostics;
}

function longLines(built: BuiltEdition): Diagnostic[] {
  const long = built.text
    .split('\n')
    .map((line, index) => ({ line, number: index + 1, columns: [...line].length }))
    .filter(({ line, columns }) => columns > TEXT_MAX_COLUMNS && !LONE_URL.test(line));
  const diagnostics = long
    .slice(0, MAX_LONG_LINES)
    .map(({ line, number, columns }) =>
      diag(
        'TEXT_LINE_LONG',
        'warning',
        `line ${number} of the plain text is ${columns} columns (at most ${TEXT_MAX_COLUMNS}): ${line.trim().slice(0, 40)}…`,
        locate(built, line.trim().slice(0, 30)),
        'wrap it; code blocks too',
      ),
    );
  if (long.length > MAX_LONG_LINES) {
    diagnostics.push(
      diag(
        'TEXT_LINE_LONG',
        'warning',
        `${long.length - MAX_LONG_LINES} more lines of the plain text are over ${TEXT_MAX_COLUMNS} columns`,
        { file: built.edition.sources[0] },
      ),
    );
  }
  return diagnostics;
}

function missingLinks(built: BuiltEdition): Diagnostic[] {
  const hrefs = new Set(
    built.page.links.map((l) => l.href).filter((href) => /^(https?|mailto):/i.test(href)),
  );
  return [...hrefs]
    .filter((href) => !built.text.includes(href.replace(/^mailto:/i, '')))
    .map((href) =>
      diag(
        'TEXT_LINK_MISSING',
        'warning',
        `the plain text lacks the link ${href}`,
        locate(built, urlNeedles(href)),
        'text readers need every link the HTML offers',
      ),
    );
}

function tooShort(built: BuiltEdition, seen: string): Diagnostic[] {
  const htmlWords = countWordsOutsideUrls(seen);
  const textWords = countWordsOutsideUrls(built.text);
  if (htmlWords === 0 || textWords >= htmlWords * TEXT_MIN_WORD_RATIO) return [];
  return [
    diag(
      'TEXT_TOO_SHORT',
      'warning',
      `the plain text has ${textWords} words, the HTML ${htmlWords}: under ${Math.round(TEXT_MIN_WORD_RATIO * 100)}%`,
      { file: built.edition.sources[0] },
      'both parts should tell the same story, or SpamAssassin scores MPART_ALT_DIFF',
    ),
  ];
}
