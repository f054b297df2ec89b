// A fault-injecting SMTP server (smtp-server on loopback, what it keeps read back with mailparser), for
// the faults failures.test.ts does not already cover: a busy greeting, replies after DATA, silence in the
// middle of a session, and internationalised addresses for a server without SMTPUTF8.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SMTPServerSession } from 'smtp-server';
import { tempProject, type TempProject } from '../helpers/project.js';
import { smtpEnv, startTestServer, type TestServer } from './smtp-server.js';

const SLUG = 'kursk-talks';
const smtpError = (message: string, responseCode: number) =>
  Object.assign(new Error(message), { responseCode });

type Result = { email: string; status: string; attempts: number; why?: string; response?: string };

describe('newsletter send against a faulty server', () => {
  let project: TempProject;
  let server: TestServer | undefined;
  const send = async (args: string[], env: NodeJS.ProcessEnv) => {
    const started = performance.now();
    const result = await project.runHere(['send', SLUG, '--json', ...args], { env });
    const report = result.stdout ? JSON.parse(result.stdout) : undefined;
    return {
      ...result,
      report,
      results: (report?.results ?? []) as Result[],
      ms: performance.now() - started,
    };
  };
  /** Hangs up on the client of `session` without a word. */
  const hangUp = (session: SMTPServerSession) =>
    [...server!.server.connections].find((c) => c.id === session.id)?._socket.destroy();

  beforeAll(async () => {
    project = await tempProject();
    expect((await project.runHere(['build', SLUG])).code).toBe(0);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => project.remove());

  it('retries a 421 at the greeting (a busy server), then sends once', async () => {
    let greetings = 0;
    server = await startTestServer({
      onConnect: (_session, callback) =>
        greetings++ === 0 ? callback(smtpError('Too busy, try again later', 421)) : callback(),
    });
    const { code, results, stderr } = await send(['--to', 'ann@example.org'], smtpEnv(server.port));
    expect(results).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })]);
    expect(server.connections).toBe(2);
    expect(server.received).toHaveLength(1);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('gives up on a server that keeps answering 421 at the greeting: nothing sent, the reply shown', async () => {
    server = await startTestServer({
      onConnect: (_session, callback) => callback(smtpError('Too busy, try again later', 421)),
    });
    const { code, report } = await send(['--to', 'ann@example.org'], smtpEnv(server.port));
    expect(report.results).toEqual([]);
    const verify = report.diagnostics.find((d: { code: string }) => d.code === 'SMTP_VERIFY');
    expect(verify.message).toMatch(/421 Too busy, try again later.*nothing was sent$/);
    expect(verify.hint).toContain('try later');
    expect(server.connections).toBe(4);
    expect(code).toBe(1);
  });

  it('treats each recipient on its own: 452 retried, 550 rejected, 554 after DATA rejected and not resent', async () => {
    let full = 0;
    const accepted: string[] = [];
    server = await startTestServer({
      onRcptTo: (address, _session, callback) =>
        address.address === 'full@example.org' && full++ === 0
          ? callback(smtpError('4.2.2 Mailbox full, try later', 452))
          : address.address === 'gone@example.org'
            ? callback(smtpError('5.1.1 No such user', 550))
            : callback(),
      onData(stream, session, callback) {
        server!.dataCount++;
        stream.on('data', () => {});
        stream.on('end', () => {
          const to = session.envelope.rcptTo[0]!.address;
          if (to === 'spam@example.org') return callback(smtpError('5.7.1 Message refused as spam', 554));
          accepted.push(to);
          callback(null, 'queued');
        });
      },
    });
    const { code, results, report } = await send(
      ['--to', 'ann@example.org,full@example.org,gone@example.org,spam@example.org,bob@example.org'],
      smtpEnv(server.port),
    );
    expect(results.map((r) => [r.email, r.status, r.attempts])).toEqual([
      ['ann@example.org', 'sent', 1],
      ['full@example.org', 'sent', 2],
      ['gone@example.org', 'rejected', 1],
      ['spam@example.org', 'rejected', 1],
      ['bob@example.org', 'sent', 1],
    ]);
    expect(results[3]!.response).toBe('554 5.7.1 Message refused as spam');
    expect(accepted).toEqual(['ann@example.org', 'full@example.org', 'bob@example.org']);
    expect(server.dataCount).toBe(4); // spam@ went through DATA once and was not sent again
    expect(report.summary).toMatchObject({ sent: 3, rejected: 2 });
    expect(code).toBe(1);
  });

  it('reports "delivery unknown" when the server falls silent after the message, within --timeout, once', async () => {
    server = await startTestServer({
      onData(stream) {
        server!.dataCount++;
        stream.on('data', () => {});
        // takes the whole message and never answers
      },
    });
    const { code, results, ms } = await send(
      ['--to', 'ann@example.org', '--timeout', '0.5'],
      smtpEnv(server.port),
    );
    expect(results).toEqual([expect.objectContaining({ status: 'unknown', attempts: 1 })]);
    expect(results[0]!.why).toMatch(/not resent/);
    expect(server.dataCount).toBe(1);
    expect(ms).toBeLessThan(20_000);
    expect(code).toBe(1);
  });

  it('fails a recipient, bounded by --timeout, when the server falls silent before DATA', async () => {
    server = await startTestServer({ onRcptTo: () => {} });
    const { code, results, ms } = await send(
      ['--to', 'ann@example.org', '--timeout', '0.5'],
      smtpEnv(server.port),
    );
    expect(results).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(results[0]!.why).toMatch(/[Tt]imeout/);
    expect(server.dataCount).toBe(0);
    expect(ms).toBeLessThan(20_000);
    expect(code).toBe(1);
  });

  it('hangs up mid-envelope: retried on a new connection', async () => {
    let drops = 0;
    server = await startTestServer({
      onRcptTo: (_address, session, callback) => (drops++ === 0 ? hangUp(session) : callback()),
    });
    const { code, results } = await send(['--to', 'ann@example.org'], smtpEnv(server.port));
    expect(results).toEqual([expect.objectContaining({ status: 'sent', attempts: 2 })]);
    expect(server.received).toHaveLength(1);
    expect(code).toBe(0);
  });
});

describe('newsletter send to internationalised addresses', () => {
  let project: TempProject;
  let server: TestServer | undefined;
  beforeAll(async () => {
    project = await tempProject();
    expect((await project.runHere(['build', SLUG])).code).toBe(0);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => project.remove());
  const send = async (args: string[], port: number) => {
    const result = await project.runHere(['send', SLUG, '--json', ...args], { env: smtpEnv(port) });
    return { ...result, results: JSON.parse(result.stdout).results as Result[] };
  };

  it('puts a punycoded domain in RCPT TO, as in the To header, for a server without SMTPUTF8', async () => {
    server = await startTestServer({ hideSMTPUTF8: true });
    const { code, results } = await send(['--to', 'ann@exämple.net'], server.port);
    expect(results).toEqual([expect.objectContaining({ email: 'ann@exämple.net', status: 'sent' })]);
    expect(server.wire()).toContain('\r\nRCPT TO:<ann@xn--exmple-cua.net>\r\n');
    expect(server.wire()).not.toMatch(/[^\x00-\x7f]/);
    // mailparser reads the header back as Unicode; on the wire it is ASCII, as the envelope now is
    expect(server.received[0]!.parsed.to).toMatchObject({ value: [{ address: 'ann@exämple.net' }] });
    expect(server.received[0]!.raw.toString('latin1')).toMatch(/^To: ann@xn--exmple-cua\.net\r$/m);
    expect(code).toBe(0);
  });

  it('refuses, clearly and without sending, a non-ASCII local part to a server without SMTPUTF8', async () => {
    server = await startTestServer({ hideSMTPUTF8: true });
    const { code, results } = await send(['--to', 'ännä@example.net,bob@example.net'], server.port);
    expect(results.map((r) => [r.email, r.status, r.attempts])).toEqual([
      ['ännä@example.net', 'failed', 1],
      ['bob@example.net', 'sent', 1],
    ]);
    expect(results[0]!.why).toBe(
      'ännä@example.net has non-ASCII characters before the @, which this server cannot take: it does not offer SMTPUTF8',
    );
    expect(server.received.map((r) => r.envelope.to[0])).toEqual(['bob@example.net']);
    expect(code).toBe(1);
  });

  it('sends a non-ASCII local part to a server that offers SMTPUTF8', async () => {
    server = await startTestServer();
    const { code, results } = await send(['--to', 'ännä@exämple.net'], server.port);
    expect(results).toEqual([expect.objectContaining({ status: 'sent' })]);
    expect(server.wire()).toMatch(/\r\nMAIL FROM:<[^>]+> SMTPUTF8\b/);
    expect(server.wire()).toContain('\r\nRCPT TO:<ännä@xn--exmple-cua.net>\r\n');
    expect(code).toBe(0);
  });
});
