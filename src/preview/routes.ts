// Every URL the preview answers, and nothing else: pages rendered from what it built, the email frames,
// media files from edition folders, its own script and style, the live-reload stream and the inbox.
//
//   /                         editions           /e/<slug>/email-<view>.html   the email (views: email-views.ts)
//   /e/<slug>/                one edition        /e/<slug>/<file>               a local image it uses, or a media file of its folder
//   /inbox, /inbox/<id>       the local inbox    /inbox/<id>/body.html          a received message's HTML
//   /_preview/{client.js,style.css,events}
// The edition page and its email take `?subscriber=…&platform=…` (picks.ts): anything else there is a 404.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { swapAssetUrls } from '../assets/swap-urls.js';
import type { BuiltEdition } from '../checks/rule.js';
import { listMessages, readMessage } from '../inbox/store.js';
import { CLIENT_SCRIPT, STYLE_SHEET } from './assets.js';
import { readContentFile } from './content-files.js';
import { emailView, isEmailView } from './email-views.js';
import type { LiveReload } from './live-reload.js';
import { editionPage, missingPage } from './pages/edition-page.js';
import { indexPage } from './pages/index-page.js';
import { inboxListPage, inboxMessagePage } from './pages/inbox-page.js';
import { pickedEmail, pickedPage } from './picked-edition.js';
import { readPicks } from './picks.js';
import { isAllowedHost, pathSegments } from './request-guard.js';
import { previewSubscribers, type PreviewSubscriber } from './subscriber-view.js';
import type { PreviewState } from './state.js';

export interface RouteContext {
  state: PreviewState;
  live: LiveReload;
  /** The address the server is bound to: with localhost, the only Host accepted. */
  host: string;
  outDir: string;
  /** Where the local inbox listens (smtp://host:port), when it runs. */
  inbox?: string;
  /** Who the subscriber picker offers (subscriber-view.ts); without it, the defaults and a sample. */
  subscribers?: PreviewSubscriber[];
}

const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// Emails load their images and fonts from the web, as a mail client does, but never run anything.
const EMAIL_CSP =
  "default-src 'none'; img-src 'self' http: https: data:; style-src 'unsafe-inline' http: https:; font-src http: https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-same-origin";

type Reply = { status: number; type: string; body: string | Buffer; csp?: string; location?: string };

const html = (body: string, status = 200): Reply => ({
  status,
  type: 'text/html; charset=utf-8',
  body,
  csp: PAGE_CSP,
});
const email = (body: string): Reply => ({
  status: 200,
  type: 'text/html; charset=utf-8',
  body,
  csp: EMAIL_CSP,
});
/** The email with its local images' published URLs pointing at this server (`/e/<slug>/<name>`). */
const previewImages = (built: BuiltEdition, html = built.html) =>
  swapAssetUrls(html, built.edition.assets, (a) => `/e/${encodeURIComponent(built.edition.slug)}/${a.name}`);
const plain = (status: number, body: string): Reply => ({ status, type: 'text/plain; charset=utf-8', body });

export function createHandler(
  context: RouteContext,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    handle(context, request, response).catch((error: Error) => {
      if (!response.headersSent) send(request, response, plain(500, `preview error: ${error.message}\n`));
      else response.destroy();
    });
  };
}

async function handle(
  context: RouteContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!isAllowedHost(request.headers.host, context.host))
    return send(
      request,
      response,
      plain(403, 'unknown Host: open the preview through the address it printed\n'),
    );
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return send(request, response, plain(405, 'method not allowed\n'));
  const segments = pathSegments(request.url ?? '/');
  if (!segments) return send(request, response, plain(404, 'not found\n'));
  if (segments.join('/') === '_preview/events')
    return context.live.connect(request, response, context.state.version);
  send(request, response, await route(context, segments, request.url ?? '/'));
}

async function route(
  { state, outDir, inbox, subscribers = previewSubscribers() }: RouteContext,
  segments: string[],
  url: string,
): Promise<Reply> {
  const [first, second, third, ...rest] = segments;
  const notFound = (what = 'nothing here') => html(missingPage(what, state.version), 404);

  if (segments.length === 1 && first === '')
    return html(indexPage(state.indexRows(), state.pageDiagnostics, state.version));

  if (first === '_preview' && segments.length === 2) {
    if (second === 'client.js')
      return { status: 200, type: 'text/javascript; charset=utf-8', body: CLIENT_SCRIPT };
    if (second === 'style.css') return { status: 200, type: 'text/css; charset=utf-8', body: STYLE_SHEET };
  }

  if (first === 'e' && second) {
    // an edition not built yet is built now, ahead of the background's order
    await state.ensure(second);
    const edition = state.editions.get(second);
    if (!edition) return notFound(`no edition "${second}"`);
    if (third === undefined)
      return { status: 308, type: 'text/plain', body: '', location: `/e/${encodeURIComponent(second)}/` };
    const view = /^email-(.+)\.html$/.exec(third)?.[1];
    if ((third === '' || view) && rest.length === 0) {
      const read = readPicks(url, subscribers);
      if ('problem' in read) return notFound(read.problem);
      const tokens = (built: BuiltEdition) => previewImages(built, built.tokens.html);
      if (third === '')
        return html(
          editionPage(edition, state.pageDiagnostics, state.version, (built) =>
            pickedPage(built, tokens(built), read.picks, subscribers),
          ),
        );
      if (!isEmailView(view!) || !edition.rendered) return notFound();
      const picked = pickedEmail(edition.rendered, tokens(edition.rendered), read.picks);
      return 'problem' in picked ? notFound(picked.problem) : email(emailView(picked.html, view!));
    }
    // the edition's local images, as build publishes them: read from the project when it was built
    const asset = rest.length === 0 && edition.rendered?.edition.assets?.find((a) => a.name === third);
    if (asset)
      return { status: 200, type: asset.contentType, body: Buffer.from(asset.bytes), csp: EMAIL_CSP };
    const folder = state.project?.editions.find((e) => e.slug === second && e.folder);
    if (!folder) return notFound();
    const file = await readContentFile(folder.path, [third, ...rest]);
    return file.status === 200
      ? { status: 200, type: file.type, body: file.body, csp: EMAIL_CSP }
      : file.status === 403
        ? plain(403, 'forbidden\n')
        : notFound();
  }

  if (first === 'inbox') {
    if (second === undefined || (second === '' && third === undefined))
      return html(inboxListPage(await listMessages(outDir), inbox, state.version));
    const message = await readMessage(outDir, second);
    if (!message) return notFound(`no message "${second}" in the inbox`);
    if (third === undefined) return html(inboxMessagePage(message, state.version));
    if (third === 'body.html' && rest.length === 0 && message.html) return email(message.html);
  }
  return notFound();
}

function send(request: IncomingMessage, response: ServerResponse, reply: Reply): void {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  response.writeHead(reply.status, {
    'Content-Type': reply.type,
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...(reply.csp ? { 'Content-Security-Policy': reply.csp } : {}),
    ...(reply.location ? { Location: reply.location } : {}),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
