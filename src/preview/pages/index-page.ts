// The index: every edition with what an editor checks first: subject, preheader, date, weight against
// Gmail's clipping limit, and how many problems the last build found. An edition the preview has not built
// yet is marked "building", with what `build` kept of it where that is current.
import { SIZE_LIMIT_BYTES, SIZE_WARNING_BYTES } from '../../checks/size.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { KeptSummary } from '../kept-summaries.js';
import type { IndexRow, PreviewEdition } from '../state.js';
import { diagnosticList, escapeHtml, kilobytes, overlay, shell } from './html.js';

const count = (diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']) =>
  diagnostics.filter((d) => d.severity === severity).length;

function builtRow({ slug, latest, rendered }: PreviewEdition): string {
  const edition = rendered?.edition;
  return row(slug, latest.ok ? 'ok' : 'failed', {
    subject: edition?.subject,
    preheader: edition?.preheader,
    date: edition?.date,
    bytes: rendered ? Buffer.byteLength(rendered.html) : undefined,
    errors: count(latest.diagnostics, 'error'),
    warnings: count(latest.diagnostics, 'warning'),
  });
}

function row(
  slug: string,
  status: 'ok' | 'failed' | 'building',
  shown: Partial<Omit<KeptSummary, 'preheader' | 'date'>> & {
    preheader?: string | null;
    date?: string | null;
  },
): string {
  const { subject, preheader, date, bytes, errors, warnings } = shown;
  const problems =
    errors === undefined || warnings === undefined
      ? ''
      : `<span class="${errors ? 'error' : 'quiet'}">${errors} error${errors === 1 ? '' : 's'}</span>, <span class="${warnings ? 'warning' : 'quiet'}">${warnings} warning${warnings === 1 ? '' : 's'}</span>`;
  const building = status === 'building' ? '<span class="building">building…</span>' : '';
  const size =
    bytes === undefined
      ? '—'
      : `<meter min="0" max="${SIZE_LIMIT_BYTES}" low="${SIZE_WARNING_BYTES}" high="${SIZE_WARNING_BYTES}" optimum="0" value="${bytes}"></meter> ${kilobytes(bytes)} of ${kilobytes(SIZE_LIMIT_BYTES)}`;
  return `<tr class="${status}" data-slug="${escapeHtml(slug)}">
<td><a href="/e/${encodeURIComponent(slug)}/">${escapeHtml(slug)}</a></td>
<td class="subject">${escapeHtml(subject ?? '—')}</td>
<td class="preheader">${escapeHtml(preheader ?? '')}</td>
<td>${escapeHtml(date ?? '')}</td>
<td class="size">${size}</td>
<td class="problems">${[problems, building].filter(Boolean).join(' · ')}</td>
</tr>`;
}

const indexRow = (r: IndexRow) => ('built' in r ? builtRow(r.built) : row(r.slug, 'building', r.kept ?? {}));

export function indexPage(editions: IndexRow[], projectDiagnostics: Diagnostic[], version: number): string {
  const rows = editions.map(indexRow).join('\n');
  const body = `${overlay(projectDiagnostics)}
<main>
<h1>Editions</h1>
${editions.length === 0 ? '<p class="quiet">No editions yet: add an article (.md or .txt) or an edition folder to the content folder.</p>' : ''}
<table class="editions">
<thead><tr><th>Edition</th><th>Subject</th><th>Preheader</th><th>Date</th><th>Size (Gmail clips at ${kilobytes(SIZE_LIMIT_BYTES)})</th><th>Problems</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${projectDiagnostics.length ? `<h2>Project</h2>${diagnosticList(projectDiagnostics)}` : ''}
</main>`;
  return shell({ title: 'Editions', page: 'index', version, body });
}
