// What a mailing platform is to `export`: its merge tag for each neutral recipient field, the template syntax
// it would read in text it did not write (and how, if at all, it escapes that in plain text), and the tags it
// requires. One platform per file in platforms/; this file is the contract they fill in.
import type { RecipientField } from '../render/tokens.js';

export type Part = 'html' | 'text';

export interface TagContext {
  part: Part;
  /** Inside an HTML attribute value (a link's href, an alt text): the tag must not hold a double quote. */
  inAttribute: boolean;
  /**
   * The template's fallback for this use (first_name has one by default): in the HTML already HTML-escaped,
   * unless the platform `escapesFallback`.
   */
  fallback?: string;
}

/**
 * Writes a field's merge tag, or undefined where the platform has none in this context (the configured value
 * is used instead). Throws FallbackProblem when the fallback cannot be written inside the tag.
 */
export type TagWriter = (context: TagContext) => string | undefined;

/** A link the platform writes as its own element (Campaign Monitor's <unsubscribe>…</unsubscribe>). */
export interface LinkElement {
  /** The opening element, keeping the template's other attributes (style, class). */
  open: (attributes: string) => string;
  close: string;
}

export interface Platform {
  /** The --platform name: lower case, like the file name. */
  name: string;
  label: string;
  /** Merge tags; a field left out falls back to its configured value, and the export says so. */
  tags: Partial<Record<RecipientField, TagWriter>>;
  /** Fields the HTML part must write as the platform's own link element instead of <a href="tag">. */
  links?: Partial<Record<RecipientField, LinkElement>>;
  /** False where merge tags take no fallback: the template's fallback is dropped with a warning. */
  fallbacks?: boolean;
  /**
   * True where the engine HTML-escapes a fallback itself (Go's html/template escapes every value it prints):
   * the tag gets the fallback as written, not already escaped, which would show `&amp;` to readers.
   */
  escapesFallback?: boolean;
  /** What the platform reads as template syntax (global). Text matching it is escaped, or refused. */
  syntax: RegExp;
  /** What it reads as syntax in the plain text, where that differs (listmonk parses it as HTML too). */
  textSyntax?: RegExp;
  /** The platform's own escape for one `syntax` (or `textSyntax`) match in the plain text; undefined where it has none. */
  escapeText?: (match: string) => string | undefined;
  /**
   * HTML the engine would drop or change, and how to write it so that it survives: listmonk's Go templates
   * delete every HTML comment, Outlook's conditional comments among them, unless printed by an action.
   */
  keepHtml?: { pattern: RegExp; write: (match: string) => string };
  /** Strings each part must contain for the platform to accept the export (its unsubscribe tag). */
  required: Record<Part, string[]>;
}

export class FallbackProblem extends Error {}

/**
 * A fallback as a string literal in the platform's template language, with the first of `quotes` the text
 * does not contain (and, in an attribute, never a double quote).
 */
export function quoted(text: string, context: TagContext, quotes: string[] = ["'", '"']): string {
  const quote = quotes.find((q) => !text.includes(q) && !(context.inAttribute && q === '"'));
  if (!quote)
    throw new FallbackProblem(
      `the fallback ${JSON.stringify(text)} holds every quote mark the tag could use`,
    );
  return `${quote}${text}${quote}`;
}

/** A fallback written as literal text inside the tag: it must not hold `forbidden` characters. */
export function literal(text: string, forbidden: RegExp): string {
  if (forbidden.test(text))
    throw new FallbackProblem(
      `the fallback ${JSON.stringify(text)} holds characters this merge tag cannot carry`,
    );
  return text;
}
