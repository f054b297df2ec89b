// Built editions from inline strings, for rule tests: a small page that every rule accepts, and overrides
// that break one thing at a time.
import { builtEdition } from '../../src/checks/built-edition.js';
import { CHEAP_RULES, CHECK_RULES, runRules } from '../../src/checks/index.js';
import type { BuiltEdition, SourceText } from '../../src/checks/rule.js';
import type { Config } from '../../src/config/config.js';
import { SAMPLE_CONFIG } from '../helpers/sample-config.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Edition } from '../../src/edition/types.js';
import { fillUrl } from '../../src/render/unsubscribe-url.js';

export const UNSUBSCRIBE = fillUrl(SAMPLE_CONFIG.unsubscribeUrl, {});

export const GOOD_BODY = `<h1>Field Notes</h1>
<h2>Weighing an email</h2>
<p>Every newsletter has a weight, and readers feel it long before they measure it in bytes or in seconds.</p>
<p>Read <a href="https://example.org/guide">the sizing guide</a> for the numbers behind clipping.</p>
<p><a href="${UNSUBSCRIBE}">Unsubscribe</a></p>`;

export const GOOD_TEXT = `Field Notes

Weighing an email

Every newsletter has a weight, and readers feel it long before they measure
it in bytes or in seconds.

Read the sizing guide [1] for the numbers behind clipping.

[1] https://example.org/guide

Unsubscribe: ${UNSUBSCRIBE}
`;

export const page = (body: string, { lang = 'en', head = '' } = {}) =>
  `<!doctype html><html lang="${lang}"><head><title>t</title>${head}</head><body>${body}</body></html>`;

export interface Parts {
  body?: string;
  /** A whole page instead of `body`. */
  html?: string;
  text?: string;
  edition?: Partial<Edition>;
  config?: Partial<Config>;
  sources?: SourceText[];
}

export function built(parts: Parts = {}): Promise<BuiltEdition> {
  const edition: Edition = {
    slug: 'weight',
    sources: ['content/weight.md'],
    subject: 'Weighing an email',
    preheader: 'Where the bytes go, and what Gmail does past 102 KB',
    layout: 'default',
    articles: [
      {
        slug: 'weight',
        file: 'content/weight.md',
        title: 'Weighing an email',
        html: '<p>Every newsletter has a weight.</p>',
        tags: [],
        wordCount: 5,
        extra: {},
      },
    ],
    extra: {},
    ...parts.edition,
  };
  return builtEdition({
    edition,
    config: { ...SAMPLE_CONFIG, ...parts.config },
    mjml: '<mjml><mj-body></mj-body></mjml>',
    html: parts.html ?? page(parts.body ?? GOOD_BODY),
    text: parts.text ?? GOOD_TEXT,
    sources: parts.sources ?? [
      {
        file: 'content/weight.md',
        text: '---\ntitle: Weighing an email\n---\nEvery newsletter has a weight.\n',
      },
    ],
  });
}

/** Every pure rule (cheap and check-only) on a built edition. */
export const allRules = (b: BuiltEdition): Diagnostic[] => runRules([...CHEAP_RULES, ...CHECK_RULES], b);

export const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);
