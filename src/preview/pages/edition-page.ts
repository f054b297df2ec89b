// One edition: the email in a frame at three widths and three colour views, the line an inbox list would
// show, the plain-text edition, the sources and the diagnostics with their file:line.
import { SIZE_LIMIT_BYTES } from '../../checks/size.js';
import type { BuiltEdition } from '../../checks/rule.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { EMAIL_VIEWS, type EmailView } from '../email-views.js';
import type { PickedPage } from '../picked-edition.js';
import type { PreviewEdition } from '../state.js';
import { diagnosticList, escapeHtml, kilobytes, overlay, shell } from './html.js';

/** Frame widths: a desktop client's reading pane, a common phone, the narrowest phone still in use. */
export const FRAME_WIDTHS = [
  { name: 'Desktop', width: 700 },
  { name: 'Mobile', width: 375 },
  { name: 'Narrow', width: 320 },
] as const;

const VIEW_LABELS: Record<EmailView, string> = {
  light: 'Light',
  dark: 'Dark (prefers-color-scheme)',
  'gmail-dark': 'Gmail app dark (inverted)',
};

const displayName = (from: string) => /^\s*"?([^"<]*?)"?\s*</.exec(from)?.[1] || from;

/** What an inbox list shows after the subject: the preheader, or else the first words a reader sees. */
function snippet(built: BuiltEdition): string {
  const text = built.edition.preheader ?? built.page.text;
  return text.length > 110 ? `${text.slice(0, 109)}…` : text;
}

function inboxRow(built: BuiltEdition): string {
  return `<div class="inbox-row" aria-label="As an inbox list shows it">
<span class="from">${escapeHtml(displayName(built.config.from))}</span>
<span class="line"><span class="subject">${escapeHtml(built.edition.subject)}</span> <span class="snippet">— ${escapeHtml(snippet(built))}</span></span>
<span class="date">${escapeHtml(built.edition.date ?? '')}</span>
</div>`;
}

const toolbar = () => `<div class="toolbar" role="toolbar">
<span class="group">${FRAME_WIDTHS.map((w, i) => `<button type="button" data-width="${w.width}" aria-pressed="${i === 0}">${w.name} ${w.width}px</button>`).join('')}</span>
<span class="group">${EMAIL_VIEWS.map((v, i) => `<button type="button" data-view="${v}" aria-pressed="${i === 0}">${VIEW_LABELS[v]}</button>`).join('')}</span>
</div>`;

function builtSections(built: BuiltEdition, picked?: PickedPage): string {
  const bytes = Buffer.byteLength(built.html);
  const query = escapeHtml(picked?.query ?? '');
  const email = `${toolbar()}
<div class="stage"><iframe id="email" title="The email" sandbox="allow-same-origin" src="email-light.html${query}" width="${FRAME_WIDTHS[0].width}" height="900"></iframe></div>
<p class="quiet">HTML ${kilobytes(bytes)} of the ${kilobytes(SIZE_LIMIT_BYTES)} Gmail shows before clipping · <a href="email-light.html${query}" target="_blank" rel="noopener">open the email alone</a></p>
<h2>Plain text</h2>
<pre class="text" id="plain-text">${escapeHtml(picked?.text ?? built.text)}</pre>`;
  return `${inboxRow(built)}
${picked?.sections ?? ''}
${picked?.frame === false ? '' : email}
<h2>Source</h2>
<details><summary>MJML (from the templates)</summary><pre class="source" id="mjml-source">${escapeHtml(built.mjml)}</pre></details>
<details><summary>HTML (as sent)</summary><pre class="source" id="html-source">${escapeHtml(built.html)}</pre></details>`;
}

export function editionPage(
  edition: PreviewEdition,
  projectDiagnostics: Diagnostic[],
  version: number,
  /** What the subscriber and platform pickers ask for (picked-edition.ts). */
  picked?: (built: BuiltEdition) => PickedPage,
): string {
  const { slug, latest, rendered } = edition;
  const body = `${overlay([...projectDiagnostics, ...latest.diagnostics])}
<main>
<h1>${escapeHtml(rendered?.edition.subject ?? slug)} <small class="quiet">${escapeHtml(slug)}</small></h1>
${rendered ? builtSections(rendered, picked?.(rendered)) : '<p class="quiet">This edition has not built yet: see the errors above.</p>'}
<h2>Diagnostics</h2>
${diagnosticList(latest.diagnostics)}
</main>`;
  return shell({ title: rendered?.edition.subject ?? slug, page: 'edition', slug, version, body });
}

export function missingPage(what: string, version: number): string {
  return shell({
    title: 'Not found',
    page: 'missing',
    version,
    body: `<main><h1>Not found</h1><p>${escapeHtml(what)}</p><p><a href="/">All editions</a></p></main>`,
  });
}
