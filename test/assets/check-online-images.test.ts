// check --online and local images: the edition's own images are published with it, so their URLs are not
// asked for before that (they could only answer 404); remote images still are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tempProject } from '../helpers/project.js';
import { png } from '../helpers/images.js';

let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res
      .writeHead(req.url === '/ok' || req.url === '/unsubscribe' || req.url === '/preferences' ? 200 : 404)
      .end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('check --online with local images', () => {
  it('does not ask for the edition’s unpublished images, and still asks for remote ones', async () => {
    const project = await tempProject({
      'newsletter.config.json': JSON.stringify({
        url: `${base}/letters`,
        unsubscribeUrl: `${base}/unsubscribe`,
        preferencesUrl: `${base}/preferences`,
      }),
      'content/pictures/01-charts.md': `---\ntitle: Charts\ndek: Two pictures\n---\n[fine](${base}/ok)\n\n![Rainfall by month](chart.png)\n\n![A remote map](${base}/map.png)\n`,
      'content/pictures/chart.png': png(120, 60),
    });
    try {
      const result = await project.runHere(['check', '--online', '--json']);
      const found = (
        JSON.parse(result.stdout) as { editions: { diagnostics: { code: string; message: string }[] }[] }
      ).editions[0]!.diagnostics.filter((d) => d.code === 'LINK_BROKEN' && d.message.startsWith('image'));
      expect(found.map((d) => d.message)).toEqual([`image ${base}/map.png answered 404 Not Found`]);
      expect(requests.some((r) => r.includes('/letters/pictures/chart.'))).toBe(false);
      expect(requests).toContain('HEAD /map.png');
    } finally {
      await project.remove();
    }
  });
});
