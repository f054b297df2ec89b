// A kept edition in memory (HTML and text with recipient tokens, as build keeps them) and a way to export it
// for one platform, for the per-platform tests in platforms/.
import { SAMPLE_CONFIG } from '../helpers/sample-config.js';
import { exportEdition, type EditionExport } from '../../src/export/export-edition.js';
import { sourceLocator } from '../../src/export/locate.js';
import { loadPlatforms } from '../../src/export/registry.js';
import { recipientDefaults } from '../../src/output/edition-output.js';
import { token } from '../../src/render/tokens.js';

export const DEFAULTS = recipientDefaults(SAMPLE_CONFIG, 'issue-7');

/** Every neutral field, in link hrefs, in an attribute, in text; CSS with attribute selectors. */
export const KEPT_HTML = `<!doctype html><html><head><title>Issue 7</title>
<style>[data-ogsc] .nl-text a { color: #8ab4f8 !important; } @media (max-width: 480px) { .a { width: 100% } }</style></head>
<body><div class="nl-text"><p>Hi ${token('first_name', 'there & co')},</p>
<p><a href="${token('web_version_url')}" style="color: #1f5fbf;">View in your browser</a></p>
<img src="https://fieldnotes.example.com/logo.png" width="100" alt="Hello ${token('first_name', 'there')}">
<p>Sent to ${token('email')}. See [1] and [Note].</p>
<p><a href="${token('unsubscribe_url')}" style="color: #1f5fbf;">Unsubscribe</a> · <a href="${token('preferences_url')}">Preferences</a></p>
<p>${token('postal_address')}</p></div></body></html>
`;

export const KEPT_TEXT = `Hi ${token('first_name', 'there & co')},
View in your browser: ${token('web_version_url')}
Sent to ${token('email')}. See [1] and [Note].
Unsubscribe: ${token('unsubscribe_url')}
Preferences: ${token('preferences_url')}
${token('postal_address')}
`;

/** Article text that reads like template syntax to one platform or another. */
export const LITERAL =
  'Write {{ first_name }}, {{{ raw }}}, {% if x %}, {# note #}, *|FNAME|*, %recipient.name%, %unsubscribe_url% or [firstname,fallback=you].';

export async function exportFor(
  name: string,
  kept: { html?: string; text?: string } = {},
): Promise<EditionExport> {
  const platform = (await loadPlatforms()).find((p) => p.name === name);
  if (!platform) throw new Error(`no platform ${name}`);
  return exportEdition(
    { html: kept.html ?? KEPT_HTML, text: kept.text ?? KEPT_TEXT, defaults: DEFAULTS },
    platform,
    {
      locate: sourceLocator([]),
      files: { html: `out/issue-7/export/${name}/index.html`, text: `out/issue-7/export/${name}/index.txt` },
    },
  );
}

/** The kept edition with LITERAL in an article paragraph of both parts. */
export const withLiteral = (text = LITERAL) => ({
  html: KEPT_HTML.replace(
    '</div></body>',
    `<p class="literal">${text.replace(/&/g, '&amp;')}</p></div></body>`,
  ),
  text: `${KEPT_TEXT}${text}\n`,
});

export const codes = (result: EditionExport) => result.diagnostics.map((d) => d.code);
