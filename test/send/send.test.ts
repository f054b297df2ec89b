// `newsletter send` end to end: the built CLI in a temp project, a real SMTP server on loopback, and what it
// receives parsed with mailparser and compared with what `build` wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { fillTokens, type RecipientValues } from '../../src/render/tokens.js';
import { tempProject, type RunResult, type TempProject } from '../helpers/project.js';
import { smtpEnv, startTestServer, type Received, type TestServer } from './smtp-server.js';

const SLUG = '2026-11-field-notes';
const KEPT = `out/.newsletter/editions/${SLUG}.json`;

describe('newsletter send: plain success to several recipients', () => {
  let project: TempProject;
  let server: TestServer;
  let result: RunResult;
  let stored: { subject: string; defaults: RecipientValues; html: string; text: string };
  const byAddress = (address: string): Received => server.received.find((r) => r.envelope.to[0] === address)!;

  beforeAll(async () => {
    project = await tempProject();
    server = await startTestServer();
    await project.write(
      'test-list.csv',
      [
        'Email,First Name,unsubscribe_url,company',
        'ann@example.org,Ann,https://fieldnotes.example.com/unsubscribe?u=ann,ACME',
        '"o.brien@example.org","O\'Brien & <Co>",,',
      ].join('\n'),
    );
    // Not built yet: send builds the edition first.
    result = await project.runHere(
      ['send', SLUG, '--recipients', 'test-list.csv', '--to', 'Bob Stone <bob@example.org>'],
      { env: smtpEnv(server.port) },
    );
    stored = JSON.parse(await project.read(KEPT));
  });
  afterAll(async () => {
    await server.close();
    await project.remove();
  });

  it('exits 0, says it built the edition first, and reports each recipient', () => {
    expect(result.stderr).toContain(`Building ${SLUG} first (not built yet)`);
    expect(result.stderr).toMatch(/✓ ann@example\.org {2}sent: 250 OK: queued as \d/);
    expect(result.stderr).toContain('Sent 3 of 3');
    expect(result.stderr).toContain('warning RECIPIENT_UNKNOWN_FIELD "company" is not a recipient field');
    expect(result.code).toBe(0);
  });

  it('sends each recipient their own message, To them alone', () => {
    // --to first, then the file, in its order
    expect(server.received.map((r) => r.envelope.to)).toEqual([
      ['bob@example.org'],
      ['ann@example.org'],
      ['o.brien@example.org'],
    ]);
    expect(server.received.every((r) => r.envelope.from === 'editor@fieldnotes.example.com')).toBe(true);
    expect(byAddress('bob@example.org').parsed.to).toMatchObject({
      value: [{ name: 'Bob Stone', address: 'bob@example.org' }],
    });
    expect(byAddress('o.brien@example.org').parsed.to).toMatchObject({
      value: [{ name: "O'Brien & <Co>", address: 'o.brien@example.org' }],
    });
    const ids = server.received.map((r) => r.parsed.messageId);
    expect(new Set(ids).size).toBe(3);
    // one connection, verified first, then reused for every message
    expect(server.connections).toBe(1);
  });

  it('sends what build wrote, with their own unsubscribe URL, to a recipient with no personal fields', async () => {
    const bob = byAddress('bob@example.org').parsed;
    expect(bob.html).toBe(ownUnsubscribe(await project.read(`out/${SLUG}/index.html`), 'bob'));
    expect(bob.text).toBe(ownUnsubscribe(await project.read(`out/${SLUG}/index.txt`), 'bob'));
    expect(bob.text).toContain('Hi there,');
    const built = await simpleParser(await readFile(join(project.dir, `out/${SLUG}/message.eml`)));
    expect(bob.subject).toBe(`[TEST] ${built.subject}`);
    expect(bob.headers.get('list')).toEqual({
      ...(built.headers.get('list') as object),
      unsubscribe: { url: 'https://fieldnotes.example.com/unsubscribe?e=bob%40example.org' },
      'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
    });
    expect(bob.headers.get('content-language')).toBe(built.headers.get('content-language'));
  });

  it('fills the personal fields for each recipient, HTML-escaped in the HTML, with their own List-Unsubscribe', async () => {
    const keptHtml = stored.html;
    const keptText = stored.text;
    const ann = byAddress('ann@example.org').parsed;
    const annValues = {
      ...stored.defaults,
      first_name: 'Ann',
      email: 'ann@example.org',
      unsubscribe_url: 'https://fieldnotes.example.com/unsubscribe?u=ann',
    };
    expect(ann.html).toBe(fillTokens(keptHtml, annValues, 'html'));
    expect(ann.text).toBe(fillTokens(keptText, annValues, 'text'));
    expect(ann.text).toContain('Hi Ann,');
    expect(ann.html).toContain('href="https://fieldnotes.example.com/unsubscribe?u=ann"');
    expect(listUnsubscribe(ann)).toBe('https://fieldnotes.example.com/unsubscribe?u=ann');

    const obrien = byAddress('o.brien@example.org').parsed;
    expect(obrien.html).toContain('Hi O&#39;Brien &amp; &lt;Co&gt;,');
    expect(obrien.text).toContain("Hi O'Brien & <Co>,");
    expect(listUnsubscribe(obrien)).toBe(
      'https://fieldnotes.example.com/unsubscribe?e=o.brien%40example.org',
    );
    expect(
      obrien.headers.get('list-unsubscribe-post') ??
        (obrien.headers.get('list') as Record<string, unknown>)['unsubscribe-post'],
    ).toBeTruthy();
  });

  it('sends from what build kept, without building again while it is current', async () => {
    const again = await project.runHere(['send', SLUG, '--to', 'bob@example.org', '--no-test-prefix'], {
      env: smtpEnv(server.port),
    });
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('Building');
    expect(server.received.at(-1)!.parsed.subject).toBe(stored.subject);
  });

  it('builds again when a source changed since the build, and not for a file that was only touched', async () => {
    const template = join(project.dir, 'templates/default.txt.hbs');
    const later = new Date(Date.now() + 5000);
    await utimes(template, later, later);
    const touched = await project.runHere(['send', SLUG, '--to', 'bob@example.org', '--json'], {
      env: smtpEnv(server.port),
    });
    expect(touched.code).toBe(0);
    expect(JSON.parse(touched.stdout).built).toBeUndefined(); // same bytes: build's cache says current

    await writeFile(template, `${await readFile(template, 'utf8')}{{!-- edited --}}\n`);
    const again = await project.runHere(['send', SLUG, '--to', 'bob@example.org', '--json'], {
      env: smtpEnv(server.port),
    });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      ok: true,
      built: 'templates/default.txt.hbs changed since the last build',
    });
  });

  it('reports as JSON on stdout with --json', async () => {
    const json = await project.runHere(['send', SLUG, '--to', 'ann@example.org', '--json'], {
      env: smtpEnv(server.port),
    });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({
      ok: true,
      slug: SLUG,
      target: { via: 'smtp', where: `127.0.0.1:${server.port}`, tls: 'starttls if offered' },
      results: [
        { email: 'ann@example.org', status: 'sent', attempts: 1, response: expect.stringMatching(/^250 /) },
      ],
      summary: { sent: 1, rejected: 0, failed: 0, unknown: 0 },
    });
    expect(report.subject).toMatch(/^\[TEST\] /);
  });
});

describe('newsletter send --dry-run', () => {
  let project: TempProject;

  beforeAll(async () => {
    project = await tempProject();
  });
  afterAll(() => project.remove());

  it('writes each recipient’s exact message to the outbox, lists them, and sends nothing', async () => {
    await project.write(
      'people.json',
      JSON.stringify(
        [{ email: 'ann@example.org', first_name: 'Ann' }, { email: 'bob@example.org' }],
        null,
        2,
      ),
    );
    // No SMTP settings and no inbox: a dry run needs neither.
    const result = await project.runHere(
      ['send', 'kursk-talks', '--recipients', 'people.json', '--dry-run'],
      {
        env: smtpEnv(0, { SMTP_URL: '' }),
      },
    );
    expect(result.code).toBe(0);
    const dir = join(project.dir, 'out/.newsletter/outbox/kursk-talks');
    expect((await readdir(dir)).sort()).toEqual(['1-ann_at_example.org.eml', '2-bob_at_example.org.eml']);
    expect(result.stdout).toBe(
      'out/.newsletter/outbox/kursk-talks/1-ann_at_example.org.eml\tann@example.org\nout/.newsletter/outbox/kursk-talks/2-bob_at_example.org.eml\tbob@example.org\n',
    );
    expect(result.stderr).toContain('nothing was sent');
    const ann = await simpleParser(await readFile(join(dir, '1-ann_at_example.org.eml')));
    expect(ann.to).toMatchObject({ value: [{ name: 'Ann', address: 'ann@example.org' }] });
    expect(ann.subject).toMatch(/^\[TEST\] Russia Says Talks/);
    const bob = await simpleParser(await readFile(join(dir, '2-bob_at_example.org.eml')));
    expect(bob.html).toBe(ownUnsubscribe(await project.read('out/kursk-talks/index.html'), 'bob'));

    // A second dry run replaces the first one's messages.
    await project.runHere(['send', 'kursk-talks', '--to', 'carol@example.org', '--dry-run'], {
      env: smtpEnv(0, { SMTP_URL: '' }),
    });
    expect(await readdir(dir)).toEqual(['1-carol_at_example.org.eml']);
  });
});

/** The page build wrote, with the default unsubscribe URL (`?e={{email}}`) filled for `name`@example.org. */
const ownUnsubscribe = (page: string, name: string) =>
  page.replaceAll('/unsubscribe?e=', `/unsubscribe?e=${name}%40example.org`);

function listUnsubscribe(mail: ParsedMail): string | undefined {
  return (mail.headers.get('list') as { unsubscribe?: { url?: string } } | undefined)?.unsubscribe?.url;
}
