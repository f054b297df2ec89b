// Sends with embedded images: `send --embed-images` (or `embedImages` in the config) attaches each local
// image once as an inline part of a multipart/related body, and the HTML refers to it by `cid:`; without
// it the message links to the published URL. A real SMTP server on loopback, read back with mailparser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { tempProject, type TempProject } from '../helpers/project.js';
import { png } from '../helpers/images.js';
import { smtpEnv, startTestServer, type TestServer } from '../send/smtp-server.js';

const SLUG = 'pictures';
const CHART = png(120, 60);
const MAP = png(300, 200, [30, 120, 60]);

const content = {
  [`content/${SLUG}/edition.md`]: '---\nsubject: Pictures\npreheader: A chart and a map\n---\n',
  [`content/${SLUG}/01-charts.md`]: [
    '---',
    'title: Charts',
    'image: https://cdn.example.org/remote.png',
    'image_alt: A remote picture, never embedded',
    '---',
    '![Rainfall by month](chart.png)',
    '',
    '![The route we walked](map.png) and the chart again: ![Rainfall, again](chart.png)',
    '',
  ].join('\n'),
  [`content/${SLUG}/chart.png`]: CHART,
  [`content/${SLUG}/map.png`]: MAP,
};

/** mailparser turns cid: references into data: URLs unless told not to: the test wants them as sent. */
const parse = (raw: Buffer) => simpleParser(raw, { skipImageLinks: true });

function expectEmbedded(mail: ParsedMail, raw: Buffer) {
  expect(raw.toString('latin1')).toMatch(/Content-Type: multipart\/related/);
  const inline = mail.attachments.map((a) => ({
    cid: a.cid,
    type: a.contentType,
    disposition: a.contentDisposition,
    bytes: a.content.length,
  }));
  expect(inline).toEqual([
    {
      cid: expect.stringMatching(/^chart\.[0-9a-f]{6}\.png@newsletter$/),
      type: 'image/png',
      disposition: 'inline',
      bytes: CHART.length,
    },
    {
      cid: expect.stringMatching(/^map\.[0-9a-f]{6}\.png@newsletter$/),
      type: 'image/png',
      disposition: 'inline',
      bytes: MAP.length,
    },
  ]);
  expect(mail.attachments[0]!.content.equals(CHART)).toBe(true);
  const html = String(mail.html);
  for (const a of mail.attachments) expect(html).toContain(`src="cid:${a.cid}"`);
  expect(html.match(/src="cid:chart\./g)).toHaveLength(2);
  expect(html).not.toMatch(/src="https:\/\/fieldnotes\.example\.com[^"]*chart/);
  expect(html).toContain('src="https://cdn.example.org/remote.png"');
}

describe('send with embedded images', () => {
  let project: TempProject;
  let server: TestServer;

  beforeAll(async () => {
    project = await tempProject(content);
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
    await project.remove();
  });

  it('--embed-images sends each local image once, inline, referred to by cid:', async () => {
    const result = await project.runHere(['send', SLUG, '--to', 'ann@example.org', '--embed-images'], {
      env: smtpEnv(server.port),
    });
    expect(result.code, result.stderr).toBe(0);
    const received = server.received.at(-1)!;
    expectEmbedded(await parse(received.raw), received.raw);
  });

  it('links to the published URLs without it', async () => {
    const result = await project.runHere(['send', SLUG, '--to', 'bob@example.org'], {
      env: smtpEnv(server.port),
    });
    expect(result.code, result.stderr).toBe(0);
    const received = server.received.at(-1)!;
    const mail = await parse(received.raw);
    expect(mail.attachments).toEqual([]);
    expect(String(mail.html)).toMatch(
      /src="https:\/\/fieldnotes\.example\.com\/newsletter\/pictures\/chart\.[0-9a-f]{6}\.png"/,
    );
  });

  it('embeds in build’s message.eml and in every send when the config says embedImages', async () => {
    await project.write('newsletter.config.json', JSON.stringify({ embedImages: true }));
    const built = await project.runHere(['build']);
    expect(built.code, built.stderr).toBe(0);
    const eml = await readFile(join(project.dir, `out/${SLUG}/message.eml`));
    expectEmbedded(await parse(eml), eml);

    const result = await project.runHere(['send', SLUG, '--to', 'cat@example.org'], {
      env: smtpEnv(server.port),
    });
    expect(result.code, result.stderr).toBe(0);
    const received = server.received.at(-1)!;
    expectEmbedded(await parse(received.raw), received.raw);
  });
});
