// listmonk: Go templates, run by Go's html/template (the campaign body and its plain-text "alt body" alike;
// knadh/listmonk models/campaigns.go, CompileTemplate). So:
//   - html/template escapes every value it prints, fallbacks included: they go in as written;
//   - it deletes every HTML comment, Outlook's conditional ones too (listmonk #1088, #1159, #1273): each is
//     printed by an action instead, through listmonk's `Safe` function, as its maintainer advises in #1088;
//   - the plain text is read as HTML as well: values are piped through `Safe` (else "&" in a name or an
//     unsubscribe URL reaches the reader as "&amp;"), and every "<" is printed by an action: html/template
//     would write a lone one as "&lt;", and read one before a tag name or "!--" as markup.
// A fallback is `or`; a literal "{{" is written as the string action {{"{{"}}.
// listmonk turns the bare {{ UnsubscribeURL }} into {{ UnsubscribeURL . }} before compiling; anything longer
// must pass the message (".") itself.
import { quoted, type Platform, type TagContext } from '../platform.js';

/** A Go string literal: raw (backticks) where it can be, which Go discards carriage returns from. */
const goString = (text: string): string => (/[`\r]/.test(text) ? JSON.stringify(text) : `\`${text}\``);

/** In the text, a value printed as it is (Safe) rather than HTML-escaped. */
const value = (expression: string, { part }: TagContext): string =>
  part === 'text' ? `{{ ${expression} | Safe }}` : `{{ ${expression} }}`;

const url = (name: string) => (context: TagContext) =>
  context.part === 'text' ? `{{ ${name} . | Safe }}` : `{{ ${name} }}`;

const platform: Platform = {
  name: 'listmonk',
  label: 'listmonk',
  tags: {
    first_name: (context) =>
      value(
        context.fallback
          ? `or .Subscriber.FirstName ${quoted(context.fallback, context, ['`'])}`
          : '.Subscriber.FirstName',
        context,
      ),
    email: (context) => value('.Subscriber.Email', context),
    unsubscribe_url: url('UnsubscribeURL'),
    preferences_url: url('ManageURL'),
    web_version_url: url('MessageURL'),
  },
  escapesFallback: true,
  syntax: /\{\{/g,
  // Every "<": html/template reads the text as HTML, takes one before a tag name or "!--" as markup and
  // writes any other as "&lt;".
  textSyntax: /\{\{|</g,
  escapeText: (match) => (match === '<' ? '{{ "<" | Safe }}' : '{{"{{"}}'),
  keepHtml: { pattern: /<!--[\s\S]*?-->/g, write: (comment) => `{{ ${goString(comment)} | Safe }}` },
  required: { html: ['{{ UnsubscribeURL }}'], text: ['{{ UnsubscribeURL . | Safe }}'] },
};

export default platform;
