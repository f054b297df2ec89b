// The local inbox, read from out/.newsletter/inbox/ through the inbox store: a list of the messages
// received, and each message as HTML (sandboxed frame), text, headers and raw source.
import type { InboxMessage, InboxSummary } from '../../inbox/store.js';
import { escapeHtml, kilobytes, shell } from './html.js';

const unavailable = (reason: string) =>
  `<p class="quiet">The local inbox is not running: ${escapeHtml(reason)}</p>`;

export function inboxListPage(
  messages: InboxSummary[],
  running: string | undefined,
  version: number,
): string {
  const rows = messages.map(
    (m) =>
      `<tr><td><a href="/inbox/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || '(no subject)')}</a></td><td>${escapeHtml(m.from)}</td><td>${escapeHtml(m.to)}</td><td>${escapeHtml(m.date)}</td><td>${kilobytes(m.size)}</td></tr>`,
  );
  const body = `<main>
<h1>Inbox</h1>
${running ? `<p class="quiet">Send to <code>${escapeHtml(running)}</code> (<code>newsletter send</code> finds it by itself); messages appear here as they arrive.</p>` : unavailable('start the preview without --no-inbox, or run newsletter inbox')}
${messages.length === 0 ? '<p class="quiet">No messages yet.</p>' : `<table class="messages"><thead><tr><th>Subject</th><th>From</th><th>To</th><th>Date</th><th>Size</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`}
</main>`;
  return shell({ title: 'Inbox', page: 'inbox', version, body });
}

export function inboxMessagePage(message: InboxMessage, version: number): string {
  const { summary } = message;
  const headers = message.headers
    .map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  const body = `<main>
<p><a href="/inbox">← Inbox</a></p>
<h1>${escapeHtml(summary.subject || '(no subject)')}</h1>
<p>From ${escapeHtml(summary.from)} to ${escapeHtml(summary.to)} · ${escapeHtml(summary.date)} · ${kilobytes(summary.size)}</p>
<h2>HTML</h2>
${message.html ? `<div class="stage"><iframe id="email" title="The message" sandbox="allow-same-origin" src="/inbox/${encodeURIComponent(summary.id)}/body.html" width="700" height="900"></iframe></div>` : '<p class="quiet">No HTML part.</p>'}
<h2>Plain text</h2>
${message.text !== undefined ? `<pre class="text">${escapeHtml(message.text)}</pre>` : '<p class="quiet">No text part.</p>'}
<h2>Headers</h2>
<table class="headers">${headers}</table>
<details><summary>Raw message</summary><pre class="source">${escapeHtml(message.raw)}</pre></details>
</main>`;
  return shell({ title: summary.subject || 'Message', page: 'inbox', version, body });
}
