// The pieces every preview page shares: escaping, the page shell, the error overlay, diagnostics lists.
import { formatDiagnostic } from '../../diagnostics/format.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

// one escaping for the whole project: the same as recipient values get in the email
import { escapeHtml } from '../../render/tokens.js';

export { escapeHtml };

export interface Shell {
  title: string;
  /** Which page: the client script decides on it which rebuilds reload the page. */
  page: 'index' | 'edition' | 'inbox' | 'missing';
  slug?: string;
  version: number;
  body: string;
}

export function shell({ title, page, slug, version, body }: Shell): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · newsletter preview</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/_preview/style.css">
<script src="/_preview/client.js" defer></script>
</head>
<body data-page="${page}" data-version="${version}"${slug ? ` data-slug="${escapeHtml(slug)}"` : ''}>
<nav class="top"><a href="/">Editions</a> <a href="/inbox">Inbox</a></nav>
${body}
</body>
</html>
`;
}

const where = (d: Diagnostic) =>
  [d.file, d.line, d.line !== undefined ? d.column : undefined].filter((p) => p !== undefined).join(':');

export function diagnosticList(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return '<p class="quiet">No problems.</p>';
  const items = diagnostics.map(
    (d) =>
      `<li class="${d.severity}"><code class="where">${escapeHtml(where(d))}</code> <strong>${d.severity}</strong> <code>${d.code}</code> ${escapeHtml(d.message)}${d.hint ? `<br><span class="hint">hint: ${escapeHtml(d.hint)}</span>` : ''}</li>`,
  );
  return `<ul class="diagnostics">${items.join('')}</ul>`;
}

/** The build-error overlay: only errors, each with its file:line, and the same text the terminal prints. */
export function overlay(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return '';
  const plain = errors.map((d) => formatDiagnostic(d)).join('\n');
  return `<section id="build-error" role="alert" class="overlay">
<h2>Build failed</h2>
<pre>${escapeHtml(plain)}</pre>
<p class="quiet">Fix the file and save: this page reloads by itself.</p>
</section>`;
}

export const kilobytes = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
