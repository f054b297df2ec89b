// One-click unsubscribe per recipient (RFC 8058): an unsubscribeUrl naming recipient fields is filled for each
// recipient by `send`, so each message a real SMTP server receives carries its own List-Unsubscribe URL (and
// List-Unsubscribe-Post); a URL that names nobody gets no List-Unsubscribe-Post, and `check` says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { tempProject, type RunResult, type TempProject } from '../helpers/project.js';
import { withIdentity } from '../helpers/sample-config.js';
import { smtpEnv, startTestServer, type TestServer } from './smtp-server.js';

const SLUG = 'kursk-talks';
const header = (mail: ParsedMail, name: string): string | undefined =>
  mail.headerLines
    .find((h) => h.key === name)
    ?.line.replace(/^[^:]+:\s*/, '')
    .replace(/\r?\n\s+/g, ' ');

// the sample's identity for everything else: the message needs a From, the footer an address
const config = (unsubscribeUrl: string) =>
  withIdentity(JSON.stringify({ unsubscribeUrl, unsubscribeMailto: 'mailto:leave@x.test' }));

describe('send: an unsubscribe URL naming recipient fields', () => {
  let project: TempProject;
  let server: TestServer;
  let result: RunResult;
  const mail = (address: string) => server.received.find((r) => r.envelope.to[0] === address)!.parsed;

  beforeAll(async () => {
    project = await tempProject();
    server = await startTestServer();
    await project.write(
      'newsletter.config.json',
      config('https://x.test/u?e={{email}}&id={{recipient "id"}}'),
    );
    await project.write(
      'list.csv',
      'email,id,first_name\nann@example.org,7 & 8,Ann\nbob@example.org,42,Bob\n',
    );
    result = await project.runHere(['send', SLUG, '--recipients', 'list.csv'], { env: smtpEnv(server.port) });
  });
  afterAll(async () => {
    await server.close();
    await project.remove();
  });

  it('sends both, taking the "id" column the URL names as a field', () => {
    expect(result.stderr).not.toContain('RECIPIENT_UNKNOWN_FIELD');
    expect(result.code).toBe(0);
    expect(server.received).toHaveLength(2);
  });

  it('gives each recipient their own List-Unsubscribe URL, URL-encoded, beside the mailto, and one-click', () => {
    expect(header(mail('ann@example.org'), 'list-unsubscribe')).toBe(
      '<https://x.test/u?e=ann%40example.org&id=7%20%26%208>, <mailto:leave@x.test>',
    );
    expect(header(mail('bob@example.org'), 'list-unsubscribe')).toBe(
      '<https://x.test/u?e=bob%40example.org&id=42>, <mailto:leave@x.test>',
    );
    for (const address of ['ann@example.org', 'bob@example.org'])
      expect(header(mail(address), 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  });

  it('puts the same URL in the footer link of each message', () => {
    expect(mail('ann@example.org').html).toContain(
      'href="https://x.test/u?e=ann%40example.org&amp;id=7%20%26%208"',
    );
    expect(mail('bob@example.org').text).toContain('https://x.test/u?e=bob%40example.org&id=42');
  });

  it('writes message.eml, addressed to nobody, without List-Unsubscribe-Post, and check passes --strict', async () => {
    const eml = await project.read(`out/${SLUG}/message.eml`);
    expect(eml).toMatch(/^List-Unsubscribe: <https:\/\/x\.test\/u\?e=&id=>/m);
    expect(eml).not.toMatch(/^List-Unsubscribe-Post:/m);
    const checked = await project.runHere(['check', SLUG, '--strict']);
    expect(checked.stderr).not.toContain('LIST_UNSUBSCRIBE');
  });
});

describe('export: an unsubscribe URL naming recipient fields', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await tempProject();
    await project.write(
      'newsletter.config.json',
      config('https://x.test/u?e={{email}}&id={{recipient "id"}}'),
    );
  });
  afterAll(() => project.remove());

  it.each([
    ['mailchimp', '*|UNSUB|*'],
    ['mailgun', '%unsubscribe_url%'],
    ['ses', '{{amazonSESUnsubscribeUrl}}'],
  ])("becomes %s's own unsubscribe tag, which the platform fills per recipient", async (platform, tag) => {
    expect((await project.runHere(['export', SLUG, '--platform', platform])).code).toBe(0);
    for (const file of ['index.html', 'index.txt']) {
      const part = await project.read(`out/${SLUG}/export/${platform}/${file}`);
      expect(part).toContain(tag);
      expect(part).not.toContain('x.test/u');
    }
  });
});

describe('send: an unsubscribe URL that names nobody', () => {
  let project: TempProject;
  let server: TestServer;

  beforeAll(async () => {
    project = await tempProject();
    server = await startTestServer();
    await project.write('newsletter.config.json', config('https://x.test/unsubscribe'));
    await project.write(
      'list.csv',
      'email,unsubscribe_url\nann@example.org,https://x.test/u/ann\ncid@example.org,\n',
    );
    await project.runHere(['send', SLUG, '--recipients', 'list.csv'], { env: smtpEnv(server.port) });
  });
  afterAll(async () => {
    await server.close();
    await project.remove();
  });

  it('offers one-click only to the recipient whose own URL was given', () => {
    const [ann, cid] = ['ann@example.org', 'cid@example.org'].map(
      (a) => server.received.find((r) => r.envelope.to[0] === a)!.parsed,
    );
    expect(header(ann!, 'list-unsubscribe')).toBe('<https://x.test/u/ann>, <mailto:leave@x.test>');
    expect(header(ann!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header(cid!, 'list-unsubscribe')).toBe('<https://x.test/unsubscribe>, <mailto:leave@x.test>');
    expect(header(cid!, 'list-unsubscribe-post')).toBeUndefined();
  });

  it('check warns, and fails under --strict', async () => {
    const relaxed = await project.runHere(['check', SLUG]);
    expect(relaxed.stderr).toContain('warning LIST_UNSUBSCRIBE_ANONYMOUS');
    expect(relaxed.code).toBe(0);
    const strict = await project.runHere(['check', SLUG, '--strict']);
    expect(strict.stderr).toContain('error LIST_UNSUBSCRIBE_ANONYMOUS');
    expect(strict.code).toBe(1);
  });
});
