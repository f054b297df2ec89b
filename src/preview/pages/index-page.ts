// The index: every edition with what an editor checks first: subject, preheader, date, weight against
// Gmail's clipping limit, and how many problems the last build found.
import { SIZE_LIMIT_BYTES, SIZE_WARNING_BYTES } from '../../checks/size.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { PreviewEdition } from '../state.js';
import { diagnosticList, escapeHtml, kilobytes, overlay, shell } from './html.js';

const count = (diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']) =>
  diagnostics.filter((d) => d.severity === severity).length;

function row({ slug, latest, rendered }: PreviewEdition): string {
  const edition = rendered?.edition;
  const bytes = rendered ? Buffer.byteLength(rendered.html) : undefined;
  const errors = count(latest.diagnostics, 'error');
  const warnings = count(latest.diagnostics, 'warning');
  const size =
    bytes === undefined
      ? '—'
      : `<meter min="0" max="${SIZE_LIMIT_BYTES}" low="${SIZE_WARNING_BYTES}" high="${SIZE_WARNING_BYTES}" optimum="0" value="${bytes}"></meter> ${kilobytes(bytes)} of ${kilobytes(SIZE_LIMIT_BYTES)}`;
  return `<tr class="${latest.ok ? 'ok' : 'failed'}" data-slug="${escapeHtml(slug)}">
<td><a href="/e/${encodeURIComponent(slug)}/">${escapeHtml(slug)}</a></td>
<td class="subject">${escapeHtml(edition?.subject ?? '—')}</td>
<td class="preheader">${escapeHtml(edition?.preheader ?? '')}</td>
<td>${escapeHtml(edition?.date ?? '')}</td>
<td class="size">${size}</td>
<td class="problems"><span class="${errors ? 'error' : 'quiet'}">${errors} error${errors === 1 ? '' : 's'}</span>, <span class="${warnings ? 'warning' : 'quiet'}">${warnings} warning${warnings === 1 ? '' : 's'}</span></td>
</tr>`;
}

export function indexPage(
  editions: PreviewEdition[],
  projectDiagnostics: Diagnostic[],
  version: number,
): string {
  const rows = editions.map(row).join('\n');
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
