// How send fails: every case against a real SMTP server on loopback (or a port where none listens), with
// the report checked for what happened to each recipient and the exit code.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SMTPServerAddress } from 'smtp-server';
import { tempProject, type TempProject } from '../helpers/project.js';
import { freePort, smtpEnv, startTestServer, type TestServer } from './smtp-server.js';

const SLUG = 'kursk-talks';
const smtpError = (message: string, responseCode: number) =>
  Object.assign(new Error(message), { responseCode });

describe('newsletter send failures', () => {
  let project: TempProject;
  let server: TestServer | undefined;
  const send = async (args: string[], env: NodeJS.ProcessEnv) => {
    const result = await project.runHere(['send', SLUG, '--json', ...args], { env });
    return { ...result, report: result.stdout ? JSON.parse(result.stdout) : undefined };
  };

  beforeAll(async () => {
    project = await tempProject();
    expect((await project.runHere(['build', SLUG])).code).toBe(0);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => project.remove());

  it('reports a recipient rejected with 550 alone; the others still go; exit 1', async () => {
    server = await startTestServer({
      onRcptTo: (address: SMTPServerAddress, _session, callback) =>
        address.address === 'nobody@example.org'
          ? callback(smtpError('5.1.1 No such user here', 550))
          : callback(),
    });
    const { code, report, stderr } = await send(
      ['--to', 'ann@example.org,nobody@example.org,bob@example.org'],
      smtpEnv(server.port),
    );
    expect(report.results.map((r: { email: string; status: string }) => [r.email, r.status])).toEqual([
      ['ann@example.org', 'sent'],
      ['nobody@example.org', 'rejected'],
      ['bob@example.org', 'sent'],
    ]);
    expect(report.results[1]).toMatchObject({ response: '550 5.1.1 No such user here', attempts: 1 });
    expect(report.summary).toMatchObject({ sent: 2, rejected: 1 });
    expect(server.received.map((r) => r.envelope.to[0])).toEqual(['ann@example.org', 'bob@example.org']);
    // after a failure the next message starts on a fresh connection
    expect(server.connections).toBe(2);
    expect(code).toBe(1);

    const human = await project.runHere(['send', SLUG, '--to', 'nobody@example.org'], {
      env: smtpEnv(server.port),
    });
    expect(human.stderr).toContain('✗ nobody@example.org  rejected: 550 5.1.1 No such user here');
    expect(human.code).toBe(1);
    expect(stderr).toBe('');
  });

  it('retries after 421 and then succeeds, sending the message once', async () => {
    let refusals = 0;
    server = await startTestServer({
      onRcptTo: (_address, _session, callback) =>
        refusals++ === 0 ? callback(smtpError('4.3.2 Try again later', 421)) : callback(),
    });
    const { code, report } = await send(['--to', 'ann@example.org'], smtpEnv(server.port));
    expect(report.results[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(server.received).toHaveLength(1);
    expect(code).toBe(0);
  });

  it('gives up after a few attempts when the server keeps saying 451', async () => {
    server = await startTestServer({
      onRcptTo: (_address, _session, callback) => callback(smtpError('4.7.1 Greylisted', 451)),
    });
    const { code, report } = await send(['--to', 'ann@example.org'], smtpEnv(server.port));
    expect(report.results[0]).toMatchObject({ status: 'failed', attempts: 4 });
    expect(report.results[0].why).toMatch(/^gave up after 4 attempts: 451 4\.7\.1 Greylisted/);
    expect(code).toBe(1);
  });

  it('reports "delivery unknown" when the connection drops after DATA, and does not resend', async () => {
    const dropping: TestServer = await startTestServer({
      onData(stream, session) {
        dropping.dataCount++;
        stream.on('data', () => {});
        // Take the whole message, then hang up instead of answering it.
        stream.on('end', () =>
          [...dropping.server.connections].find((c) => c.id === session.id)?._socket.destroy(),
        );
      },
    });
    server = dropping;
    const { code, report } = await send(['--to', 'ann@example.org,bob@example.org'], smtpEnv(server.port));
    expect(report.results.map((r: { status: string }) => r.status)).toEqual(['unknown', 'unknown']);
    expect(report.results[0]).toMatchObject({ attempts: 1 });
    expect(report.results[0].why).toMatch(/connection was lost after the message was sent.*not resent/);
    expect(server.dataCount).toBe(2);
    expect(report.summary).toMatchObject({ sent: 0, unknown: 2 });
    expect(code).toBe(1);
  });

  it('retries a connection dropped before DATA', async () => {
    let drops = 0;
    const dropping: TestServer = await startTestServer({
      onMailFrom(_address, session, callback) {
        if (drops++ === 0)
          return [...dropping.server.connections].find((c) => c.id === session.id)?._socket.destroy();
        callback();
      },
    });
    server = dropping;
    const { code, report } = await send(['--to', 'ann@example.org'], smtpEnv(server.port));
    expect(report.results[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(server.received).toHaveLength(1);
    expect(code).toBe(0);
  });

  it('carries on over a new connection when the server hangs up between messages', async () => {
    const closing: TestServer = await startTestServer({
      onData(stream, session, callback) {
        stream.on('data', () => {});
        stream.on('end', () => {
          callback(null, 'OK, and goodbye');
          setImmediate(() => [...closing.server.connections].find((c) => c.id === session.id)?._socket.end());
        });
      },
    });
    server = closing;
    const { code, report } = await send(
      ['--to', 'ann@example.org,bob@example.org,carol@example.org'],
      smtpEnv(server.port),
    );
    expect(report.results.map((r: { status: string }) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(server.connections).toBeGreaterThanOrEqual(3);
    expect(code).toBe(0);
  });

  it('fails before sending anything when nothing listens (ECONNREFUSED)', async () => {
    const port = await freePort();
    const { code, report } = await send(['--to', 'ann@example.org'], smtpEnv(port));
    expect(report.results).toEqual([]);
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'SMTP_VERIFY',
        message: expect.stringMatching(
          new RegExp(`^127\\.0\\.0\\.1:${port}: .*ECONNREFUSED.*nothing was sent$`),
        ),
      }),
    );
    expect(code).toBe(1);
  });

  it('times out on a server that never greets, within --timeout', async () => {
    server = await startTestServer({ onConnect: () => {} });
    const { code, report } = await send(
      ['--to', 'ann@example.org', '--timeout', '0.5'],
      smtpEnv(server.port),
    );
    const verify = report.diagnostics.find((d: { code: string }) => d.code === 'SMTP_VERIFY');
    expect(verify.message).toMatch(/^127\.0\.0\.1:\d+: .*[Gg]reeting.*nothing was sent$/);
    expect(verify.hint).toContain('within 0.5 s');
    expect(code).toBe(1);
  });

  it('does not send a message over the server’s advertised SIZE limit', async () => {
    server = await startTestServer({ size: 4000 });
    const { code, report } = await send(['--to', 'ann@example.org'], smtpEnv(server.port));
    expect(report.results[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(report.results[0].why).toMatch(/larger than allowed 4000/);
    expect(server.dataCount).toBe(0);
    expect(code).toBe(1);
  });

  it('reports the server’s 552 when it refuses an oversized message it did not announce a limit for', async () => {
    server = await startTestServer({ size: 4000, hideSize: true });
    const { code, report } = await send(['--to', 'ann@example.org'], smtpEnv(server.port));
    expect(report.results[0]).toMatchObject({
      status: 'rejected',
      attempts: 1,
      response: expect.stringMatching(/^552 /),
    });
    expect(server.received).toHaveLength(0);
    expect(code).toBe(1);
  });
});

describe('newsletter send refuses before sending (exit 2)', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await tempProject();
  });
  afterAll(() => project.remove());
  const send = (args: string[], env: NodeJS.ProcessEnv = smtpEnv(1)) =>
    project.runHere(['send', SLUG, ...args], { env });

  it('a line break in an address or recipient field (header injection)', async () => {
    const injected = await send(['--to', 'ann@example.org\r\nBcc: everyone@example.org']);
    expect(injected.stderr).toContain(
      'RECIPIENT_INVALID --to "ann@example.org\\r\\nBcc: everyone@example.org" contains a line break',
    );
    expect(injected.code).toBe(2);
    await project.write(
      'list.csv',
      'email,first_name\nann@example.org,"Ann\nBcc: x@example.org"\nnot-an-address,Bob\n',
    );
    const file = await send(['--recipients', 'list.csv']);
    expect(file.stderr).toContain(
      'list.csv:2 error RECIPIENT_INVALID first_name contains a line break or control character',
    );
    expect(file.stderr).toContain(
      'list.csv:4 error RECIPIENT_INVALID "not-an-address" is not an email address',
    );
    expect(file.code).toBe(2);
  });

  it('more than 25 recipients without --yes when there is no terminal', async () => {
    const many = Array.from({ length: 26 }, (_, i) => `r${i}@example.org`).join(',');
    const result = await send(['--to', many]);
    expect(result.stderr).toContain('TOO_MANY_RECIPIENTS 26 recipients is more than 25');
    expect(result.code).toBe(2);
  });

  it('no SMTP settings and no inbox running, saying how to start one or set SMTP_URL', async () => {
    const result = await send(['--to', 'ann@example.org'], smtpEnv(0, { SMTP_URL: '' }));
    expect(result.stderr).toContain('SMTP_NOT_CONFIGURED no SMTP settings, and no local inbox is running');
    expect(result.stderr).toContain('newsletter inbox');
    expect(result.stderr).toContain('SMTP_URL');
    expect(result.code).toBe(2);
  });

  it('invalid SMTP settings, without echoing a password', async () => {
    const bad = await send(
      ['--to', 'ann@example.org'],
      smtpEnv(0, { SMTP_URL: 'smtp://user:s3cr%ZZet@[bad' }),
    );
    expect(bad.stderr).toContain('SMTP_CONFIG SMTP_URL is not a valid URL');
    expect(bad.stderr).not.toContain('s3cr');
    expect(bad.code).toBe(2);
    const half = await send(
      ['--to', 'ann@example.org'],
      smtpEnv(0, { SMTP_URL: '', SMTP_HOST: 'mail.example.org', SMTP_USER: 'me' }),
    );
    expect(half.stderr).toContain('SMTP_USER is set but SMTP_PASS is not');
    expect(half.code).toBe(2);
  });

  it('contradicting options and an unknown edition', async () => {
    expect((await send(['--to', 'a@example.org', '--insecure', '--require-tls'])).code).toBe(2);
    expect((await send(['--to', 'a@example.org', '--timeout', 'soon'])).stderr).toContain(
      '--timeout must be a number of seconds',
    );
    const unknown = await project.runHere(['send', 'no-such-edition', '--to', 'a@example.org'], {
      env: smtpEnv(1),
    });
    expect(unknown.stderr).toContain('UNKNOWN_EDITION');
    expect(unknown.code).toBe(2);
  });
});
