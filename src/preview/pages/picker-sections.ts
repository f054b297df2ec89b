// The edition page's subscriber and platform pickers, and what the page shows for a platform: a note on
// the engine that rendered the email, or, where the preview cannot run the platform's engine, the
// export's source with its merge tags marked. Every value from the recipients file is escaped here.
import type { Span } from '../../export/escape.js';
import { PLATFORMS } from '../../export/registry.js';
import type { Picks } from '../picks.js';
import { runsInPreview, type PlatformView } from '../platform-view.js';
import type { PreviewSubscriber } from '../subscriber-view.js';
import { diagnosticList, escapeHtml } from './html.js';

const option = (value: string, label: string, selected: boolean) =>
  `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;

export function pickerBar(subscribers: readonly PreviewSubscriber[], picks: Picks): string {
  const people = subscribers.map((s) => option(s.key, s.label, s === picks.subscriber)).join('');
  const platforms = [
    option('', 'None: as newsletter send writes it', !picks.platform),
    ...PLATFORMS.map((p) =>
      option(p.name, `${p.label}${runsInPreview(p) ? '' : ' (source only)'}`, p === picks.platform),
    ),
  ].join('');
  return `<div class="pickers">
<label>Subscriber <select id="pick-subscriber" data-pick="subscriber">${people}</select></label>
<label>Platform <select id="pick-platform" data-pick="platform">${platforms}</select></label>
</div>`;
}

/** The export's text with the merge tags it wrote in <mark>. */
const marked = (spans: readonly Span[]) =>
  spans.map((s) => (s.kind === 'tag' ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join('');

/** What the page says about the platform picked, above (or instead of) the email frame. */
export function platformSection(view: PlatformView, subscriber: PreviewSubscriber): string {
  const { platform } = view;
  const findings = view.diagnostics.length ? diagnosticList(view.diagnostics) : '';
  if (view.kind === 'rendered')
    return `<p class="platform-note" id="platform-note">${escapeHtml(platform.label)}'s export rendered by ${escapeHtml(view.engine)} for ${escapeHtml(subscriber.label)}.</p>${findings}`;
  if (view.kind === 'failed')
    return `<section class="platform-note" id="platform-note"><p class="error">${escapeHtml(view.message)}.</p>${findings}</section>`;
  return `<section class="platform-note" id="platform-note">
<p>The preview cannot run ${escapeHtml(platform.label)}'s template engine: here is the export's source, its merge tags marked. ${escapeHtml(platform.label)} fills them for each subscriber.</p>
${findings}
<h2>HTML (exported)</h2>
<pre class="source" id="platform-html">${marked(view.html)}</pre>
<h2>Plain text (exported)</h2>
<pre class="text" id="platform-text">${marked(view.text)}</pre>
</section>`;
}
