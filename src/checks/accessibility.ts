// What a screen reader needs from the page: the language to speak it in, one h1, heading levels that step
// down one at a time (readers navigate by them), and link text that makes sense out of context (readers
// list the links of a page on their own).
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { findElements, firstElement, isHidden, textOf } from './html.js';
import { layoutFile, locate, urlNeedles } from './locate.js';
import type { BuiltEdition, Rule } from './rule.js';

/** Link text that says nothing once read out of its sentence. */
const VAGUE_LINK_TEXT =
  /^(click here|click|here|read more|more|learn more|more info|more information|continue|continue reading|this|this link|link|details|go|see more|tap here)[.!…]*$/i;

export const accessibilityRule: Rule = (built) => [
  ...language(built),
  ...headings(built),
  ...linkText(built),
];

function language(built: BuiltEdition): Diagnostic[] {
  const lang = firstElement(built.dom, 'html')?.attribs.lang?.trim();
  if (lang && lang.toLowerCase() !== 'und') return [];
  return [
    diag(
      'A11Y_LANG',
      'error',
      lang ? `the page language is "${lang}" (undetermined)` : 'the page has no lang attribute',
      locate(built, '<mjml', layoutFile(built)),
      'set "language" in newsletter.config.json and <mjml lang="{{newsletter.language}}"> in the layout',
    ),
  ];
}

const HEADING = /^h([1-6])$/;

function headings(built: BuiltEdition): Diagnostic[] {
  const list = findElements(built.dom, (e) => HEADING.test(e.name) && !isHidden(e)).map((element) => ({
    element,
    level: Number(element.name[1]),
    text: textOf(element),
  }));
  const diagnostics: Diagnostic[] = [];
  const h1s = list.filter((h) => h.level === 1);
  if (h1s.length !== 1) {
    diagnostics.push(
      diag(
        'A11Y_H1',
        'warning',
        h1s.length === 0 ? 'the page has no h1' : `the page has ${h1s.length} h1 headings`,
        h1s.length > 1 ? locate(built, h1s[1].text, layoutFile(built)) : { file: layoutFile(built) },
        'one h1 names the page; screen readers jump to it',
      ),
    );
  }
  list.forEach((heading, i) => {
    const previous = list[i - 1];
    if (previous && heading.level > previous.level + 1) {
      diagnostics.push(
        diag(
          'A11Y_HEADING_SKIP',
          'warning',
          `heading "${heading.text}" is h${heading.level} right after h${previous.level}`,
          locate(built, heading.text),
          `use h${previous.level + 1}: headings step down one level at a time (in an article the title is h2; start sections at ###)`,
        ),
      );
    }
  });
  return diagnostics;
}

function linkText(built: BuiltEdition): Diagnostic[] {
  const seen = new Set<string>();
  return built.page.links
    .filter(({ attribs, text }) => VAGUE_LINK_TEXT.test(text) && !attribs['aria-label'] && !attribs.title)
    .filter(({ href, text }) => !seen.has(`${href}\0${text}`) && Boolean(seen.add(`${href}\0${text}`)))
    .map(({ href, text }) =>
      diag(
        'A11Y_LINK_TEXT',
        'warning',
        `link text "${text}" says nothing out of context (${href})`,
        locate(built, urlNeedles(href)),
        'say where the link goes: "Read the RFC 8058 summary" rather than "click here"',
      ),
    );
}
