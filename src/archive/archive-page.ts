// out/index.html: the archive page that gives every "view in browser" link a home. A plain, self-contained
// page (no scripts, no third-party requests) in the newsletter's colours, light and dark, and its language:
// its own few words come from the strings table (src/i18n), the config's `strings` first.
import type { Config } from '../config/config.js';
import { messageDate } from '../output/message-date.js';
import { escapeHtml } from '../render/tokens.js';
import { formatDate } from '../render/date-format.js';
import { editionPlacement } from '../i18n/edition-language.js';
import type { StringKey } from '../i18n/keys.js';
import { translate } from '../i18n/translate.js';
import type { ArchiveEntry } from './entries.js';

export function archivePage(entries: readonly ArchiveEntry[], config: Config): string {
  const c = config.colors;
  const page = editionPlacement({}, config);
  const say = (key: StringKey, asked: { values?: Record<string, unknown>; count?: number } = {}) =>
    translate(page.language, key, config.strings, asked, escapeHtml, (v) => escapeHtml(String(v)));
  const items = entries.map((entry) => {
    // an edition in another language says so, and which way it is written, for its subject and date
    const own = entry.language ? editionPlacement({ language: entry.language }, config) : page;
    const lang =
      own === page
        ? ''
        : ` lang="${escapeHtml(own.language)}"${own.dir === page.dir ? '' : ` dir="${own.dir}"`}`;
    return `    <li${lang}>
      <h2><a href="${escapeHtml(encodeURIComponent(entry.slug))}/index.html">${escapeHtml(entry.subject)}</a></h2>
${entry.date ? `      <p class="date"><time datetime="${escapeHtml(entry.date)}">${escapeHtml(longDate(entry.date, own.language))}</time></p>\n` : ''}${entry.preheader ? `      <p>${escapeHtml(entry.preheader)}</p>\n` : ''}    </li>`;
  });
  return `<!doctype html>
<html lang="${escapeHtml(config.language)}"${page.dir === 'rtl' ? ' dir="rtl"' : ''}>
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="color-scheme" content="light dark">
  <title>${say('archive_title', { values: { newsletter: config.name } })}</title>
  <link rel="alternate" type="application/atom+xml" title="${escapeHtml(config.name)}" href="feed.xml">
  <style>
    body { margin: 0; background: ${c.background}; color: ${c.text}; font: 17px/1.6 -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; }
    main { max-width: 600px; margin: 0 auto; padding: 28px 24px; background: ${c.surface}; border-top: 4px solid ${c.brand}; }
    h1 { margin: 0 0 4px; font-size: 26px; line-height: 1.25; }
    h2 { margin: 0 0 4px; font-size: 20px; line-height: 1.35; }
    a { color: ${c.brand}; }
    ol { list-style: none; margin: 24px 0 0; padding: 0; }
    li { margin: 0 0 24px; }
    li p { margin: 0 0 4px; }
    .muted, .date { color: ${c.muted}; font-size: 14px; }
    @media (prefers-color-scheme: dark) {
      body { background: ${c.darkBackground}; color: ${c.darkText}; }
      main { background: ${c.darkSurface}; }
      a { color: ${c.darkBrand}; }
      .muted, .date { color: ${c.darkMuted}; }
    }
  </style>
</head>
<body>
  <main>
    <h1>${escapeHtml(config.name)}</h1>
    <p class="muted">${entries.length === 0 ? say('archive_empty') : say('archive_count', { count: entries.length })} <a href="feed.xml">${say('atom_feed')}</a></p>
    <ol>
${items.join('\n')}
    </ol>
  </main>
</body>
</html>
`;
}

/** "20 November 2026" in the edition's language, as the templates' {{date}} helper writes it. */
function longDate(value: string, language: string): string {
  return formatDate(language, 'long', messageDate({ date: value }));
}
