// One part (HTML or text) of a kept edition, for one platform: literal syntax escaped, then every neutral
// recipient token turned into the platform's merge tag (or its configured value where the platform has none).
// The result keeps its spans (literal text, tags we wrote, escapes we wrote) so the rules can tell a tag we
// wrote from text that merely reads like one.
import { lineColumnAt } from '../content/text.js';
import { diag, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import {
  escapeHtml,
  fillTokens,
  replaceTokens,
  token,
  type RecipientField,
  type RecipientValues,
  type TokenUse,
} from '../render/tokens.js';
import { escapeHtmlSyntax, escapeTextSyntax, keepHtml, type Span, type Unescapable } from './escape.js';
import { locateAt, type Cursor, type Locate } from './locate.js';
import { FallbackProblem, type Part, type Platform } from './platform.js';

export interface PartInput {
  part: Part;
  /** The part as build kept it: recipient fields are still tokens. */
  source: string;
  platform: Platform;
  /** The configured values, for fields the platform has no tag for. */
  defaults: RecipientValues;
  /** The exported file, as diagnostics show it. */
  file: string;
  /** Where text that causes a problem comes from (a content or template line), if it can be found. */
  locate: Locate;
}

export interface ExportedPart {
  part: Part;
  output: string;
  spans: Span[];
  /** Fields written as their configured values: the platform has no tag for them (here). */
  fallbacks: RecipientField[];
  /** Fields whose template fallback the platform cannot express. */
  dropped: RecipientField[];
  diagnostics: Diagnostic[];
}

// Reserved like the token characters (content can never hold one): marks where each token was.
const SENTINEL = '\uE003';
const LINK_BEFORE = /<a\b([^>]*?)\s+href="$/i;
const LINK_AFTER = /^"([^>]*)>([\s\S]*?)<\/a\s*>/i;

export function exportPart(input: PartInput): ExportedPart {
  const { part, platform } = input;
  const diagnostics: Diagnostic[] = [];
  // Where the text came from, found occurrence after occurrence (the same words in two articles are two
  // problems); else the exported file itself (escaping and tags never add or remove a line).
  let cursor: Cursor | undefined;
  const origin = (text: string, { match, index }: Unescapable): Location => {
    const found = locateAt(input.locate, text, index, match, cursor);
    if (found) cursor = found.next;
    return found?.location ?? { file: input.file, ...lineColumnAt(text, index) };
  };
  const unescapable = (text: string, found: Unescapable[], where: string) =>
    diagnostics.push(
      ...found.map((u) =>
        diag(
          'EXPORT_LITERAL_SYNTAX',
          'error',
          `"${u.match}" ${where} would be read by ${platform.label} as template syntax, and it has no escape for it there`,
          origin(text, u),
          'reword it (a space inside the braces or brackets is enough), or export to another platform',
        ),
      ),
    );

  let source = input.source;
  if (part === 'html') {
    const escaped = escapeHtmlSyntax(source, platform);
    unescapable(source, escaped.unescapable, 'in a <style> block');
    source = escaped.html;
  }
  const uses: TokenUse[] = [];
  const literals = replaceTokens(source, (use) => (uses.push(use), SENTINEL)).split(SENTINEL);

  const spans: Span[] = [];
  const fallbacks = new Set<RecipientField>();
  const dropped = new Set<RecipientField>();
  let insideTag = false; // HTML: is the text written so far inside a start tag (an attribute value)?
  const pushLiteral = (text: string) => {
    if (!text) return;
    if (part === 'text') {
      spans.push(...escapeTextSyntax(text, platform)); // what it cannot escape is reported below
      return;
    }
    const open = text.lastIndexOf('<');
    const close = text.lastIndexOf('>');
    if (open !== close) insideTag = open > close;
    spans.push(...keepHtml(text, platform));
  };

  literals.forEach((literal, i) => {
    pushLiteral(literal);
    const use = uses[i];
    if (!use) return;
    const link = part === 'html' ? platform.links?.[use.field] : undefined;
    // Only for a platform with link elements: the regular expressions scan the whole text before the token.
    const before = link && spans.at(-1)?.kind === 'literal' ? LINK_BEFORE.exec(spans.at(-1)!.text) : null;
    const after = before ? LINK_AFTER.exec(literals[i + 1] ?? '') : null;
    if (link && before && after) {
      // <a …href="TOKEN"…>inner</a>  ->  <unsubscribe …>inner</unsubscribe>
      spans.at(-1)!.text = spans.at(-1)!.text.slice(0, before.index);
      spans.push({ kind: 'tag', text: link.open(`${before[1]}${after[1]}`) });
      pushLiteral(after[2]);
      spans.push({ kind: 'tag', text: link.close });
      literals[i + 1] = literals[i + 1].slice(after[0].length);
      insideTag = false;
      return;
    }
    const tag = writeTag(use, part, insideTag, platform, (problem) =>
      diagnostics.push(
        diag(
          'EXPORT_FALLBACK_INVALID',
          'error',
          `${platform.label}: ${problem}`,
          input.locate(`fallback="${use.fallback}"`)?.location ?? {},
          'choose a fallback without quotes or template syntax',
        ),
      ),
    );
    if (use.fallback && platform.fallbacks === false) dropped.add(use.field);
    if (tag !== undefined) {
      spans.push({ kind: 'tag', text: tag });
    } else {
      // The platform has no tag here: the configured value, escaped like any other text of this part.
      fallbacks.add(use.field);
      const value = fillTokens(token(use.field, use.fallback), input.defaults, part);
      pushLiteral(part === 'html' ? escapeHtmlSyntax(value, platform).html : value);
    }
  });

  const output = spans.map((s) => s.text).join('');
  let offset = 0;
  for (const span of spans) {
    if (span.kind === 'unescaped')
      unescapable(output, [{ match: span.text, index: offset }], 'in the plain text');
    offset += span.text.length;
  }
  return { part, output, spans, fallbacks: [...fallbacks], dropped: [...dropped], diagnostics };
}

function writeTag(
  use: TokenUse,
  part: Part,
  inAttribute: boolean,
  platform: Platform,
  problem: (message: string) => void,
): string | undefined {
  const fallback =
    platform.fallbacks === false || use.fallback === undefined
      ? undefined
      : part === 'html' && !platform.escapesFallback
        ? escapeHtml(use.fallback)
        : use.fallback;
  try {
    return platform.tags[use.field]?.({ part, inAttribute, ...(fallback === undefined ? {} : { fallback }) });
  } catch (error) {
    if (!(error instanceof FallbackProblem)) throw error;
    problem(error.message);
    return '';
  }
}
