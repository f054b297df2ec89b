// A loopback HTTP server for the import tests (port 0): feeds shaped like real ones, pages with Open Graph,
// Twitter card and JSON-LD metadata, and endpoints that misbehave: slow, failing once, redirecting,
// looping, oversized. It records each request's path and User-Agent.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
export const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

export interface TestServer {
  url: string;
  requests: { path: string; userAgent?: string }[];
  hits: (path: string) => number;
  close: () => Promise<void>;
}

type Handler = (request: IncomingMessage, response: import('node:http').ServerResponse, base: string) => void;

export async function startServer(extra: Record<string, Handler> = {}): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const failedOnce = new Set<string>();
  let base = '';
  const send =
    (type: string, body: string) => (_req: IncomingMessage, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': type });
      res.end(body.replaceAll('{{BASE}}', base));
    };
  const routes: Record<string, Handler> = {
    '/feed.rss': send('application/rss+xml; charset=utf-8', fixture('feed.rss')),
    '/feed.atom': send('application/atom+xml', fixture('feed.atom')),
    '/feed.json': send('application/feed+json', fixture('feed.json')),
    '/page/og': send('text/html; charset=utf-8', fixture('page-og.html')),
    '/page/twitter': send('text/html', fixture('page-twitter.html')),
    '/page/jsonld': send('text/html', fixture('page-jsonld.html')),
    '/not-a-feed': send('text/html', '<!doctype html><title>Home</title><p>Hello</p>'),
    '/home': send(
      'text/html',
      '<!doctype html><head><title>Harbour</title><link rel="alternate" type="application/rss+xml" title="Feed" href="/feed.rss"></head><p>Hi</p>',
    ),
    '/malformed.rss': send(
      'application/rss+xml',
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>A</titl',
    ),
    '/slow': () => {
      // never answers: the client's timeout ends it
    },
    '/flaky': (req, res) => {
      if (!failedOnce.has(req.url!)) {
        failedOnce.add(req.url!);
        res.writeHead(500).end('try again');
      } else send('text/html', fixture('page-og.html'))(req, res, base);
    },
    '/redirect/1': (_req, res) => res.writeHead(301, { location: '/redirect/2' }).end(),
    '/redirect/2': (_req, res) => res.writeHead(302, { location: `${base}/page/og` }).end(),
    '/redirect/file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/loop/a': (_req, res) => res.writeHead(302, { location: '/loop/b' }).end(),
    '/loop/b': (_req, res) => res.writeHead(302, { location: '/loop/a' }).end(),
    '/large/declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(3 * 1024 * 1024) });
      res.end();
    },
    '/large/chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 48 && res.write(chunk)) sent++;
        if (sent < 48) res.once('drain', more);
        else res.end();
      };
      res.on('error', () => undefined);
      more();
    },
    ...extra,
  };
  for (let hop = 1; hop <= 7; hop++)
    routes[`/hops/${hop}`] = (_req, res) =>
      res.writeHead(302, { location: hop === 7 ? '/page/og' : `/hops/${hop + 1}` }).end();

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url!, base).pathname;
    requests.push({ path, userAgent: req.headers['user-agent'] });
    const route = routes[path];
    if (route) route(req, res, base);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    hits: (path) => requests.filter((r) => r.path === path).length,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
