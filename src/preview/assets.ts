// The preview's own script and style sheet, served from /_preview/: the pages' Content-Security-Policy
// allows scripts and styles from the server itself only, so nothing is inline.

/**
 * Width and view switching (kept across reloads), the email frame sized to its content, and live reload.
 * A reload fetches the page again and swaps its body in place: no style or script to load again, no
 * event stream to reopen, the scroll position kept, and the frame keeps its size while the new email loads.
 */
export const CLIENT_SCRIPT = `'use strict';
(() => {
  const key = 'newsletter-preview';
  const saved = JSON.parse(sessionStorage.getItem(key) || '{}');
  const frameOf = (root) => root.querySelector('body[data-page="edition"] #email');

  // The frame is sandboxed without scripts but same-origin, so the page can measure its content.
  const fit = (frame) => {
    const root = frame && frame.contentDocument && frame.contentDocument.documentElement;
    if (root) frame.height = String(Math.ceil(root.getBoundingClientRect().height));
  };
  document.addEventListener('load', (event) => { if (event.target.id === 'email') fit(event.target); }, true);

  /** Shows the saved width and view on the buttons and, in a page about to be shown, on its frame. */
  const apply = (root) => {
    for (const kind of ['width', 'view']) {
      if (!saved[kind]) continue;
      for (const button of root.querySelectorAll('[data-' + kind + ']')) button.setAttribute('aria-pressed', String(button.dataset[kind] === saved[kind]));
    }
    const frame = frameOf(root);
    if (!frame) return;
    if (saved.width) frame.width = saved.width;
    // the frame's query holds the subscriber and platform picked: a view keeps them
    const src = frame.getAttribute('src') || '';
    const wanted = saved.view && 'email-' + saved.view + '.html' + (src.includes('?') ? src.slice(src.indexOf('?')) : '');
    if (wanted && src !== wanted) frame.setAttribute('src', wanted);
  };
  // The subscriber and platform pickers: the page's address holds the picks, so a reload keeps them.
  document.addEventListener('change', (event) => {
    const select = event.target.closest('select[data-pick]');
    if (!select) return;
    const params = new URLSearchParams(location.search);
    if (select.value) params.set(select.dataset.pick, select.value);
    else params.delete(select.dataset.pick);
    const query = params.toString();
    location.search = query ? '?' + query : '';
  });
  document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-width], [data-view]');
    if (!button) return;
    const kind = button.dataset.width ? 'width' : 'view';
    saved[kind] = button.dataset[kind];
    sessionStorage.setItem(key, JSON.stringify(saved));
    apply(document);
    if (kind === 'width') requestAnimationFrame(() => fit(frameOf(document)));
  });
  apply(document);

  let refreshing = false;
  let again = false;
  const refresh = async () => {
    if (refreshing) return void (again = true);
    refreshing = true;
    try {
      const response = await fetch(location.href, { cache: 'no-store' });
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      const [oldFrame, newFrame] = [frameOf(document), frameOf(next)];
      if (oldFrame && newFrame) newFrame.height = oldFrame.height;
      apply(next);
      document.title = next.title;
      for (const [name, value] of Object.entries(next.body.dataset)) document.body.dataset[name] = value;
      document.body.replaceChildren(...next.body.childNodes);
    } catch {
      // the server is gone for now; the event stream reconnects and says when to try again
    } finally {
      refreshing = false;
      if (again) { again = false; void refresh(); }
    }
  };

  const events = new EventSource('/_preview/events');
  // A rebuild that finished between serving this page and connecting would otherwise be missed.
  events.addEventListener('hello', (event) => { if (JSON.parse(event.data).version > Number(document.body.dataset.version)) void refresh(); });
  events.addEventListener('rebuilt', (event) => {
    const change = JSON.parse(event.data);
    const { page, slug } = document.body.dataset;
    if (page !== 'inbox' && (page !== 'edition' || change.all || change.slugs.includes(slug))) void refresh();
  });
  events.addEventListener('inbox', () => { if (document.body.dataset.page === 'inbox') void refresh(); });
})();
`;

export const STYLE_SHEET = `:root { color-scheme: light dark; --muted: #666; --line: #ddd; --error: #c62828; --warning: #a86b00; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
nav.top { display: flex; gap: 16px; padding: 8px 20px; border-bottom: 1px solid var(--line); }
main { padding: 12px 20px 40px; }
h1 { font-size: 24px; line-height: 1.3; }
h1 small { display: block; font-weight: normal; font-size: 14px; }
.quiet { color: var(--muted); }
.error { color: var(--error); }
.warning { color: var(--warning); }
table { border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--line); }
tr.failed td:first-child a { color: var(--error); }
tr.building { color: var(--muted); }
.building { font-style: italic; }
meter { width: 90px; vertical-align: middle; }
.inbox-row { display: grid; grid-template-columns: 160px 1fr auto; gap: 12px; max-width: 900px; padding: 10px 12px; border: 1px solid var(--line); border-radius: 6px; margin-bottom: 12px; white-space: nowrap; }
.inbox-row .from, .inbox-row .subject { font-weight: 600; }
.inbox-row .line { overflow: hidden; text-overflow: ellipsis; }
.inbox-row .snippet, .inbox-row .date { color: var(--muted); }
.toolbar { display: flex; flex-wrap: wrap; gap: 16px; margin-bottom: 12px; }
.toolbar button { font: inherit; padding: 4px 10px; border: 1px solid var(--line); background: transparent; color: inherit; cursor: pointer; }
.toolbar button[aria-pressed="true"] { background: #1f5fbf; border-color: #1f5fbf; color: #fff; }
.stage { padding: 16px; background: repeating-conic-gradient(#8881 0 25%, transparent 0 50%) 0 0 / 20px 20px; overflow-x: auto; }
.stage iframe { display: block; margin: 0 auto; border: 1px solid var(--line); background: #fff; }
pre.text, pre.source { max-width: 900px; padding: 12px; border: 1px solid var(--line); overflow: auto; font: 13px/1.45 ui-monospace, Menlo, Consolas, monospace; }
pre.text { white-space: pre-wrap; max-width: 80ch; }
pre.source { max-height: 480px; }
ul.diagnostics { padding-left: 18px; }
ul.diagnostics li.error strong { color: var(--error); }
ul.diagnostics li.warning strong { color: var(--warning); }
.hint { color: var(--muted); }
.overlay { position: sticky; top: 0; z-index: 10; margin: 0; padding: 12px 20px; background: #fff0f0; color: #5c0000; border-bottom: 3px solid var(--error); box-shadow: 0 4px 12px #0003; }
.overlay h2 { margin: 0 0 6px; font-size: 17px; }
.overlay pre { margin: 0 0 6px; white-space: pre-wrap; font: 13px/1.45 ui-monospace, Menlo, Consolas, monospace; }
.pickers { display: flex; flex-wrap: wrap; gap: 16px; margin-bottom: 12px; }
.pickers select { font: inherit; margin-left: 6px; max-width: 360px; }
pre mark { background: #fff3a0; color: #000; }
table.headers th { white-space: nowrap; }
table.headers td { word-break: break-all; }
`;
