// The SMTP conversation itself, through nodemailer's SMTPConnection: the only place that opens sockets to a
// mail server. One connection per message (a failure in one recipient's session cannot leak into the next,
// and a retry always starts clean), plus verify(): connect, secure, log in, quit, before anything is sent.
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { isLoopback, type SmtpSettings } from './settings.js';

export interface SmtpTarget extends SmtpSettings {
  /** Fail unless the session is upgraded with STARTTLS (ignored with `secure`, which is TLS throughout). */
  requireTLS: boolean;
  /** Bounds the TCP connection, the greeting and every wait on the socket. */
  timeoutMs: number;
}

/** STARTTLS is required unless the server is on this machine or the user opted out; --require-tls forces it. */
export function tlsRequired(host: string, flags: { insecure?: boolean; requireTls?: boolean }): boolean {
  return Boolean(flags.requireTls) || (!isLoopback(host) && !flags.insecure);
}

/** An error as nodemailer reports it: a code, the server's reply and the command that got it. */
export interface SmtpError extends Error {
  code?: string;
  originalCode?: string;
  response?: string;
  responseCode?: number;
  command?: string;
}

export type Delivery =
  | { ok: true; response: string }
  | { ok: false; error: SmtpError; /** The server had said 354 and the message had begun to go out. */ dataStarted: boolean };

export const label = (target: Pick<SmtpTarget, 'host' | 'port'>): string =>
  `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;

/** Connects, secures, logs in and quits: a wrong host, port, TLS setting or password shows here. */
export async function verify(target: SmtpTarget): Promise<void> {
  await session(target, async () => undefined);
}

/** One message to one envelope over a fresh connection. Never throws: the outcome is data. */
export async function deliverOnce(target: SmtpTarget, envelope: { from: string; to: string }, message: Buffer): Promise<Delivery> {
  let dataStarted = false;
  // The connection reads the body only once the server has answered DATA with 354.
  const body = new Readable({
    read() {
      dataStarted = true;
      this.push(message);
      this.push(null);
    },
  });
  try {
    const info = await session(target, (connection) =>
      new Promise<{ response: string }>((resolve, reject) =>
        connection.send({ ...envelope, size: message.length }, body, (error, result) => (error ? reject(error) : resolve(result!))),
      ),
    );
    return { ok: true, response: info.response };
  } catch (error) {
    return { ok: false, error: error as SmtpError, dataStarted };
  }
}

async function session<T>(target: SmtpTarget, work: (connection: SMTPConnection) => Promise<T>): Promise<T> {
  const connection = new SMTPConnection({
    host: target.host,
    port: target.port,
    secure: target.secure,
    requireTLS: !target.secure && target.requireTLS,
    connectionTimeout: target.timeoutMs,
    greetingTimeout: target.timeoutMs,
    socketTimeout: target.timeoutMs,
    // Without it a FIN from the server would keep the process waiting 5 s after QUIT.
    socketCloseTimeout: 0,
    logger: false,
    tls: { ...(target.ca ? { ca: target.ca } : {}), minVersion: 'TLSv1.2' },
  });
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      connection.close();
      reject(error);
    };
    connection.on('error', fail);
    connection.once('end', () => fail(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION', command: 'CONN' })));
    connection.connect((error) => {
      if (error) return fail(error);
      login(connection, target)
        .then(() => work(connection))
        .then((value) => {
          if (settled) return;
          settled = true;
          connection.quit();
          resolve(value);
        }, fail);
    });
  });
}

function login(connection: SMTPConnection, target: SmtpTarget): Promise<void> {
  // A server that offers no AUTH gets none (a local relay or the inbox); nodemailer's transport does the same.
  if (!target.auth || !connection.allowsAuth) return Promise.resolve();
  return new Promise((resolve, reject) =>
    connection.login({ user: target.auth!.user, pass: target.auth!.pass }, (error) => (error ? reject(error) : resolve())),
  );
}
