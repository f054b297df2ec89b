// Logging in and securing the connection: AUTH with the right and a wrong password, STARTTLS and TLS with a
// self-signed certificate made for this test run only (trusted through SMTP_CA, never by the system).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempProject, type TempProject } from '../helpers/project.js';
import { smtpEnv, startTestServer, type TestServer } from './smtp-server.js';

const SLUG = 'kursk-talks';
const USER = 'tester';
const PASSWORD = 'Corr3ct-h0rse:b@ttery';

describe('newsletter send: AUTH and TLS', () => {
  let project: TempProject;
  let server: TestServer | undefined;
  let tls: { key: string; cert: string };

  const checkLogin: ConstructorParameters<typeof import('smtp-server').SMTPServer>[0] = {
    authOptional: false,
    onAuth: (auth, _session, callback) =>
      auth.username === USER && auth.password === PASSWORD
        ? callback(null, { user: USER })
        : callback(
            Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }),
          ),
  };
  const send = (args: string[], env: NodeJS.ProcessEnv) =>
    project.runHere(['send', SLUG, '--to', 'ann@example.org', ...args], { env });

  beforeAll(async () => {
    project = await tempProject();
    expect((await project.runHere(['build', SLUG])).code).toBe(0);
    // A throwaway key pair for 127.0.0.1, made here so no private key lives in the repository.
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      join(project.dir, 'test-key.pem'),
      '-out',
      join(project.dir, 'test-cert.pem'),
    ]);
    tls = { key: await project.read('test-key.pem'), cert: await project.read('test-cert.pem') };
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => project.remove());

  it('logs in with the right password, read from the project .env, and never prints it', async () => {
    server = await startTestServer({ ...checkLogin, allowInsecureAuth: true });
    await project.write(
      '.env',
      `# test-only settings\nSMTP_URL=smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${server.port}\n`,
    );
    try {
      // The environment's SMTP_URL is exported empty: the .env file supplies it.
      const result = await send(['--debug'], smtpEnv(0, { SMTP_URL: '' }));
      expect(result.stderr).toContain(
        `Sending through 127.0.0.1:${server.port} (starttls if offered, as ${USER})`,
      );
      expect(result.code).toBe(0);
      expect(server.received).toHaveLength(1);
      expect(server.received[0]!.user).toBe(USER);
      for (const output of [result.stdout, result.stderr]) {
        expect(output).not.toContain(PASSWORD);
        expect(output).not.toContain(encodeURIComponent(PASSWORD));
      }
    } finally {
      await project.write('.env', '');
    }
  });

  it('fails before sending with a wrong password: host:port and the server’s words, no password', async () => {
    server = await startTestServer({ ...checkLogin, allowInsecureAuth: true });
    const wrong = 'Wr0ng-passw0rd-42';
    const result = await send(
      [],
      smtpEnv(0, {
        SMTP_URL: '',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(server.port),
        SMTP_USER: USER,
        SMTP_PASS: wrong,
      }),
    );
    expect(result.stderr).toMatch(
      new RegExp(
        `SMTP_VERIFY 127\\.0\\.0\\.1:${server.port}: .*535 5\\.7\\.8 Authentication credentials invalid.*nothing was sent`,
      ),
    );
    expect(result.stderr).toContain('hint: check SMTP_USER and SMTP_PASS');
    expect(result.stderr + result.stdout).not.toContain(wrong);
    expect(server.dataCount).toBe(0);
    expect(result.code).toBe(1);
  });

  it('upgrades with STARTTLS to a self-signed server it was told to trust (--require-tls on loopback), then logs in', async () => {
    server = await startTestServer({ ...checkLogin, ...tls });
    const result = await send(
      ['--require-tls'],
      smtpEnv(server.port, {
        SMTP_URL: `smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${server.port}`,
        SMTP_CA: 'test-cert.pem',
      }),
    );
    expect(result.stderr).toContain('(starttls required, as tester)');
    expect(result.code).toBe(0);
    expect(server.received[0]).toMatchObject({ secure: true, user: USER });
  });

  it('refuses a certificate it was not told to trust', async () => {
    server = await startTestServer(tls);
    const result = await send(['--require-tls'], smtpEnv(server.port));
    expect(result.stderr).toMatch(
      /SMTP_VERIFY 127\.0\.0\.1:\d+: .*self[- ]signed certificate.*nothing was sent/,
    );
    expect(server.dataCount).toBe(0);
    expect(result.code).toBe(1);
  });

  it('with --require-tls, refuses a server that does not offer STARTTLS', async () => {
    server = await startTestServer();
    const result = await send(['--require-tls'], smtpEnv(server.port));
    expect(result.stderr).toMatch(/SMTP_VERIFY 127\.0\.0\.1:\d+: .*STARTTLS.*nothing was sent/);
    expect(server.dataCount).toBe(0);
    expect(result.code).toBe(1);
  });

  it('speaks TLS from the first byte with smtps://', async () => {
    server = await startTestServer({ ...tls, secure: true });
    const result = await send(
      [],
      smtpEnv(server.port, {
        SMTP_URL: `smtps://127.0.0.1:${server.port}`,
        SMTP_CA: join(project.dir, 'test-cert.pem'),
      }),
    );
    expect(result.stderr).toContain('(tls)');
    expect(result.code).toBe(0);
    expect(server.received[0]!.secure).toBe(true);
    expect(await readFile(join(project.dir, 'test-cert.pem'), 'utf8')).toContain('BEGIN CERTIFICATE');
  });
});
