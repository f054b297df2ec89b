// check --online against a real HTTP server on loopback: broken links are reported with their status,
// HEAD falls back to GET, redirects are followed, a silent server times out, and a URL is asked once a run.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';
import { withIdentity } from '../helpers/sample-config.js';

let server: Server;
let base: string;
const requests: string[] = [];
let inFlight = 0;
let mostInFlight = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(`${req.method} ${path}`);
    mostInFlight = Math.max(mostInFlight, ++inFlight);
    res.on('close', () => inFlight--);
    // answers a while later, so that requests from many editions would pile up without a limit
    if (path.startsWith('/held/')) return setTimeout(() => res.writeHead(200).end(), 100);
    if (path === '/slow') return; // never answers
    if (path === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (path === '/moved') return res.writeHead(301, { location: '/moved-here' }).end();
    if (path === '/head-refused' && req.method === 'HEAD') return res.writeHead(405).end();
    if (
      ['/ok', '/moved-here', '/head-refused', '/unsubscribe', '/preferences'].includes(path) ||
      path.startsWith('/site/')
    )
      return res.writeHead(200, { 'content-type': 'text/html' }).end('<p>fine</p>');
    if (path === '/error') return res.writeHead(500).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function project(articles: Record<string, string>): Promise<TempProject> {
  const config = {
    url: `${base}/site`,
    unsubscribeUrl: `${base}/unsubscribe`,
    preferencesUrl: `${base}/preferences`,
  };
  return tempProject({ ...articles, 'newsletter.config.json': withIdentity(JSON.stringify(config)) });
}

const article = (title: string, body: string, extra = '') =>
  `---\ntitle: ${title}\ndek: What this piece adds\n${extra}---\n${body}\n`;
type Found = { code: string; severity: string; message: string; file?: string; line?: number };
const broken = (stdout: string): Found[] =>
  JSON.parse(stdout)
    .editions.flatMap((e: { diagnostics: Found[] }) => e.diagnostics)
    .filter((d: Found) => d.code === 'LINK_BROKEN');

describe('newsletter check --online', () => {
  it('reports each broken link and image with its status, and nothing for the good ones', async () => {
    const p = await project({
      'content/links.md': article(
        'Links',
        [
          `[fine](${base}/ok), [head refused](${base}/head-refused), [moved](${base}/moved),`,
          `[gone](${base}/gone), [failing](${base}/error), [silent](${base}/slow), [looping](${base}/loop).`,
        ].join('\n'),
        `image: ${base}/img/missing.png\nimage_alt: A picture that is not there\n`,
      ),
    });
    try {
      const result = await p.runHere(['check', '--online', '--timeout', '1', '--json']);
      expect(result.code).toBe(1);
      const found = broken(result.stdout);
      expect(found.map((d) => d.message).sort()).toEqual([
        `image ${base}/img/missing.png answered 404 Not Found`,
        `link ${base}/error answered 500 Internal Server Error`,
        `link ${base}/gone answered 404 Not Found`,
        expect.stringMatching(new RegExp(`^link ${base}/loop could not be reached: `)),
        `link ${base}/slow did not answer within 1 s`,
      ]);
      expect(found.find((d) => d.message.includes('/gone'))).toMatchObject({
        severity: 'error',
        file: 'content/links.md',
        line: 8,
      });
      expect(requests).toContain('HEAD /head-refused');
      expect(requests).toContain('GET /head-refused'); // HEAD refused, GET asked
      expect(requests).toContain('HEAD /moved-here'); // the redirect was followed
    } finally {
      await p.remove();
    }
  });

  it('asks each URL once a run, however many editions link to it', async () => {
    requests.length = 0;
    const p = await project({
      'content/a.md': article('A', `[fine](${base}/ok) and [gone](${base}/gone)`),
      'content/b.md': article('B', `[gone](${base}/gone)`),
    });
    try {
      const result = await p.runHere(['check', '--online', '--json']);
      expect(broken(result.stdout).map((d) => d.file)).toEqual(['content/a.md', 'content/b.md']);
      expect(requests.filter((r) => r === 'HEAD /gone')).toHaveLength(1);
      expect(requests.filter((r) => r === 'HEAD /ok')).toHaveLength(1);
    } finally {
      await p.remove();
    }
  });

  it('in worker threads too: each URL once a run, 8 requests in flight at most, as in one thread', async () => {
    const articles: Record<string, string> = {};
    for (let i = 0; i < 10; i++)
      articles[`content/e${i}.md`] = article(
        `E${i}`,
        `[gone](${base}/gone), [fine](${base}/ok), ${[0, 1, 2, 3]
          .map((j) => `[held](${base}/held/${i}-${j})`)
          .join(', ')}.`,
      );
    const p = await project(articles);
    try {
      requests.length = 0;
      mostInFlight = 0;
      const threads = await p.runHere(['check', '--online', '--json'], { env: { NEWSLETTER_WORKERS: '2' } });
      expect(requests.filter((r) => r === 'HEAD /gone')).toHaveLength(1);
      expect(requests.filter((r) => r.startsWith('HEAD /held/'))).toHaveLength(40);
      expect(mostInFlight).toBeLessThanOrEqual(8);
      expect(mostInFlight).toBeGreaterThan(1); // requests did overlap
      const one = await p.runHere(['check', '--online', '--json'], { env: { NEWSLETTER_WORKERS: '0' } });
      expect(broken(threads.stdout).map((d) => d.file)).toEqual(
        Array.from({ length: 10 }, (_, i) => `content/e${i}.md`),
      );
      expect(threads.stdout).toBe(one.stdout);
    } finally {
      await p.remove();
    }
  });

  it('is quiet when every link answers, and asks nothing without --online', async () => {
    requests.length = 0;
    const p = await project({
      'content/a.md': article('A', `[fine](${base}/ok) and [moved](${base}/moved)`),
    });
    try {
      expect(broken((await p.runHere(['check', '--online', '--json'])).stdout)).toEqual([]);
      expect(requests).toContain('HEAD /ok');
      requests.length = 0;
      expect(broken((await p.runHere(['check', '--json'])).stdout)).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await p.remove();
    }
  });
});
