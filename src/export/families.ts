// Template languages several platforms share, so each platform file only says what is its own.
import { literal, type TagContext } from './platform.js';

/** Handlebars (SendGrid, Amazon SES) and Mustache-likes: {{x}} escapes HTML; the triple-stash does not. */
export const mustache = (name: string, part: TagContext['part']): string =>
  part === 'html' ? `{{${name}}}` : `{{{${name}}}}`;

export const handlebars = {
  // Backslashes before "{{" are part of the match: "\{{" is Handlebars' own escape, so text that already
  // holds one cannot be escaped again (a doubled backslash would print one and open a live tag).
  syntax: /\\*\{\{/g,
  escapeText: (match: string): string | undefined => (match.startsWith('\\') ? undefined : '\\{{'),
  /** {{#if first_name}}{{first_name}}{{else}}there{{/if}} */
  field(name: string, { part, fallback }: TagContext): string {
    return fallback
      ? `{{#if ${name}}}${mustache(name, part)}{{else}}${literal(fallback, /[{}\\]/)}{{/if}}`
      : mustache(name, part);
  },
};

/** Django-style languages (Buttondown, Brevo): {{ }}, {% %} and {# #} comments. */
export const djangoSyntax = /\{[{%#]/g;

/** Liquid (Kit): {{ }} and {% %}. */
export const liquidSyntax = /\{[{%]/g;
