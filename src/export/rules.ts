// The per-platform rules, checked on every export before anything is written. Each is a small pure
// function from one exported part to diagnostics.
import { SIZE_LIMIT_BYTES, SIZE_WARNING_BYTES } from '../checks/size.js';
import { lineColumnAt } from '../content/text.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { hasTokens } from '../render/tokens.js';
import { syntaxOf } from './escape.js';
import type { ExportedPart } from './export-part.js';
import type { Platform } from './platform.js';

export interface RuleInput {
  platform: Platform;
  exported: ExportedPart;
  /** The part as build kept it, recipient fields as tokens. */
  source: string;
  /** The exported file, as diagnostics show it (out/<slug>/export/<platform>/index.html). */
  file: string;
}

export type ExportRule = (input: RuleInput) => Diagnostic[];

const partName = (input: RuleInput) => (input.exported.part === 'html' ? 'HTML' : 'plain text');

/** The platform's required tags (its unsubscribe link) are in the part. */
export const requiredTags: ExportRule = (input) =>
  input.platform.required[input.exported.part]
    .filter((tag) => !input.exported.output.includes(tag))
    .map((tag) =>
      diag(
        'EXPORT_REQUIRED_TAG',
        'error',
        `${input.platform.label} requires ${tag} in the ${partName(input)}, and the export has none`,
        { file: input.file },
        `the ${input.exported.part === 'html' ? '.mjml.hbs' : '.txt.hbs'} layout must link {{unsubscribe_url}}`,
      ),
    );

/** Every neutral token became a tag or a value. */
export const noTokensLeft: ExportRule = (input) => {
  if (!hasTokens(input.exported.output)) return [];
  const at = input.exported.output.search(/[\uE000-\uE002]/);
  return [
    diag(
      'EXPORT_TOKEN_LEFT',
      'error',
      `a recipient field was left unconverted (a broken token) in the ${partName(input)}`,
      { file: input.file, ...lineColumnAt(input.exported.output, at) },
      'rebuild the edition; if it persists, a template writes a recipient field in a way MJML cut',
    ),
  ];
};

// A token MJML or CSS inlining percent-encoded or turned into a character reference: no longer a token.
const ENCODED_TOKEN = /%EE%80%8[0-2]|&#(?:5734[4-6]|x0*e00[0-2]);/i;

/** No recipient field was mangled on its way through MJML and inlining (build kept it; export reads it). */
export const noEncodedTokens: ExportRule = (input) => {
  const at = input.source.search(ENCODED_TOKEN);
  if (at < 0) return [];
  return [
    diag(
      'EXPORT_TAG_BROKEN',
      'error',
      `a recipient field in the ${partName(input)} was encoded by MJML or inlining, so no merge tag can take its place`,
      { file: input.file, ...lineColumnAt(input.source, at) },
      'write recipient helpers in plain href attributes and text, not in attributes MJML rewrites',
    ),
  ];
};

/** Every piece of platform syntax in the result is a tag or an escape we wrote, whole: none is formed by
 *  text beside a tag, and none of ours was cut. */
export const noStraySyntax: ExportRule = (input) => {
  const { spans, output } = input.exported;
  const bounds: { start: number; end: number; kind: string }[] = [];
  let offset = 0;
  for (const span of spans) {
    bounds.push({ start: offset, end: offset + span.text.length, kind: span.kind });
    offset += span.text.length;
  }
  const diagnostics: Diagnostic[] = [];
  for (const m of output.matchAll(syntaxOf(input.platform, input.exported.part))) {
    const end = m.index + m[0].length;
    const home = bounds.find((b) => m.index >= b.start && m.index < b.end);
    if (home && home.kind !== 'literal' && end <= home.end) continue; // ours, whole (or reported as unescapable)
    diagnostics.push(
      diag(
        'EXPORT_TAG_BROKEN',
        'error',
        `"${m[0]}" in the ${partName(input)} reads as ${input.platform.label} syntax but is not a tag the export wrote`,
        { file: input.file, ...lineColumnAt(output, m.index) },
        'text right beside a recipient field joins with its merge tag: put a space between them',
      ),
    );
  }
  return diagnostics;
};

/** Gmail clips at about 102 KB: measured again, with the platform's (longer or shorter) tags in place. */
export const sizeBudget: ExportRule = (input) => {
  if (input.exported.part !== 'html') return [];
  const bytes = Buffer.byteLength(input.exported.output);
  if (bytes < SIZE_WARNING_BYTES) return [];
  return bytes >= SIZE_LIMIT_BYTES
    ? [
        diag(
          'SIZE_CLIPPED',
          'error',
          `the ${input.platform.label} HTML is ${bytes} bytes: Gmail clips messages over ${SIZE_LIMIT_BYTES} bytes`,
          { file: input.file },
        ),
      ]
    : [
        diag(
          'SIZE_WARNING',
          'warning',
          `the ${input.platform.label} HTML is ${bytes} bytes, near Gmail's clipping limit of ${SIZE_LIMIT_BYTES}`,
          { file: input.file },
        ),
      ];
};

export const EXPORT_RULES: ExportRule[] = [
  requiredTags,
  noTokensLeft,
  noEncodedTokens,
  noStraySyntax,
  sizeBudget,
];
