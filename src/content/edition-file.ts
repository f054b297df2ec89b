// edition.md: subject, preheader, date and template in front matter; the body is the editor's note.
import { diag, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { splitFrontMatter } from './front-matter.js';
import { isValidDate, keyPosition, unsafeExtra } from './fields.js';
import { renderMarkdown } from './markdown.js';
import { isLanguageTag, LANGUAGE_HINT } from '../i18n/language-tag.js';

export interface EditionFile {
  subject?: string;
  preheader?: string;
  date?: string;
  template?: string;
  /** BCP 47 tag, overriding the config's for this edition. */
  language?: string;
  introHtml?: string;
  extra: Record<string, unknown>;
}

const KNOWN = new Set(['subject', 'preheader', 'date', 'template', 'language']);

export function parseEditionFile(
  text: string,
  file: string,
): { edition?: EditionFile; diagnostics: Diagnostic[] } {
  const front = splitFrontMatter(text, file);
  if (hasErrors(front.diagnostics)) return { diagnostics: front.diagnostics };
  const diagnostics: Diagnostic[] = [...front.diagnostics];
  const edition: EditionFile = { extra: {} };

  for (const [key, value] of Object.entries(front.data)) {
    if (!KNOWN.has(key)) {
      const unsafe = unsafeExtra(key, value, { file, ...keyPosition(text, key) });
      if (unsafe) diagnostics.push(unsafe);
      else edition.extra[key] = value;
      continue;
    }
    if (value === null || value === undefined || value === '') continue;
    const at = { file, ...keyPosition(text, key) };
    if (typeof value !== 'string' && typeof value !== 'number') {
      diagnostics.push(diag('FRONT_MATTER_FIELD', 'error', `"${key}" must be text`, at));
      continue;
    }
    const textValue = String(value).trim();
    if (key === 'date' && !isValidDate(textValue)) {
      diagnostics.push(diag('DATE_INVALID', 'error', `"${textValue}" is not a date (use YYYY-MM-DD)`, at));
    } else if ((key === 'subject' || key === 'preheader') && /[\r\n]/.test(textValue)) {
      diagnostics.push(diag('FRONT_MATTER_FIELD', 'error', `"${key}" must be a single line`, at));
    } else if (key === 'language' && !isLanguageTag(textValue)) {
      diagnostics.push(
        diag('LANG_UNKNOWN', 'error', `"${textValue}" is not a language tag (${LANGUAGE_HINT})`, at),
      );
    } else if (key === 'template' && !/^[\w-]+$/.test(textValue)) {
      diagnostics.push(
        diag('FRONT_MATTER_FIELD', 'error', `"template" must be a layout name like "default"`, at),
      );
    } else {
      (edition as unknown as Record<string, string>)[key] = textValue;
    }
  }
  if (front.body.trim() !== '') {
    const intro = renderMarkdown(front.body, file, front.bodyLine);
    diagnostics.push(...intro.diagnostics);
    edition.introHtml = intro.html;
  }
  return { edition, diagnostics };
}
