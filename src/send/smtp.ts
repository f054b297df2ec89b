// The SMTP conversation itself, through nodemailer's SMTPConnection: the only place that opens sockets to a
// mail server. A courier opens one connection (verify: connect, secure, log in), sends message after
// message over it, and after any failure drops it and opens a fresh one for the next message, so a broken
// session never leaks into another recipient's delivery. Reusing the connection spares each recipient a
// TCP and TLS handshake, a login and the server's greeting pause, and stays under servers' login limits.
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { offeredExtensions } from '../library-internals.js';
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
  | {
      ok: false;
      error: SmtpError;
      /** The server had said 354 and the message had begun to go out. */ dataStarted: boolean;
    };

export const label = (target: Pick<SmtpTarget, 'host' | 'port'>): string =>
  `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;

export interface Courier {
  /** Connects, secures and logs in: a wrong host, port, TLS setting or password throws here. */
  verify(): Promise<void>;
  /** One message to one envelope. Never throws: the outcome is data. */
  deliver(envelope: { from: string; to: string }, message: Buffer): Promise<Delivery>;
  /** Says QUIT on the open connection, if any. */
  close(): void;
}

export function courier(target: SmtpTarget): Courier {
  let open: SMTPConnection | undefined;
  const drop = () => {
    open?.close();
    open = undefined;
  };
  const connection = async () => {
    if (!open || open.destroyed) open = await connect(target);
    return open;
  };
  return {
    async verify() {
      await connection();
    },
    async deliver(envelope, message) {
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
        const live = await connection();
        const unsendable = needsSmtpUtf8(live, envelope);
        if (unsendable) return { ok: false, error: unsendable, dataStarted: false };
        const info = await new Promise<{ response: string }>((resolve, reject) =>
          live.send({ ...envelope, size: message.length }, body, (error, result) =>
            error ? reject(error) : resolve(result!),
          ),
        );
        return { ok: true, response: info.response };
      } catch (error) {
        drop();
        return { ok: false, error: error as SmtpError, dataStarted };
      }
    },
    close() {
      if (open && !open.destroyed) open.quit();
      open = undefined;
    },
  };
}

/**
 * An address with a non-ASCII local part (`ännä@example.org`) can only go to a server that offered SMTPUTF8
 * (RFC 6531); nodemailer would send it raw to any other. The domain part is already ASCII (message.ts).
 * Which extensions the server offered is nodemailer's private `_supportedExtensions`, read in
 * library-internals.ts (test/send/faults.test.ts sends to servers with and without SMTPUTF8).
 */
function needsSmtpUtf8(
  connection: SMTPConnection,
  envelope: { from: string; to: string },
): SmtpError | undefined {
  const address = [envelope.to, envelope.from].find((a) => /[^\x00-\x7f]/.test(a));
  const offered = offeredExtensions(connection);
  if (address === undefined || offered?.includes('SMTPUTF8')) return undefined;
  return Object.assign(
    new Error(
      `${address} has non-ASCII characters before the @, which this server cannot take: it does not offer SMTPUTF8`,
    ),
    { code: 'ESMTPUTF8', command: 'MAIL FROM' },
  );
}

const SOCKET_AFTER_GREETING_MS = 100;

/** Connects, upgrades to TLS as the target asks, and logs in; rejects with nodemailer's error. */
function connect(target: SmtpTarget): Promise<SMTPConnection> {
  const connection = new SMTPConnection({
    host: target.host,
    port: target.port,
    secure: target.secure,
    requireTLS: !target.secure && target.requireTLS,
    connectionTimeout: target.timeoutMs,
    greetingTimeout: target.timeoutMs,
    // Both clocks start as the connection opens: the socket's a little later, so that a server that never
    // greets is reported as that ("Greeting never received"), not as an idle socket ("Timeout").
    socketTimeout: target.timeoutMs + SOCKET_AFTER_GREETING_MS,
    // Without it a FIN from the server would keep the process waiting 5 s after QUIT.
    socketCloseTimeout: 0,
    logger: false,
    tls: { ...(target.ca ? { ca: target.ca } : {}), minVersion: 'TLSv1.2' },
  });
  // Errors on an idle connection (the server timing it out) only mark it destroyed; a send in flight gets
  // its error through its own callback. Without a listener an 'error' event would crash the process.
  connection.on('error', () => {});
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      connection.close();
      reject(error);
    };
    connection.once('error', fail);
    connection.once('end', () =>
      fail(
        Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION', command: 'CONN' }),
      ),
    );
    connection.connect((error) => {
      if (error) return fail(error);
      login(connection, target).then(() => {
        if (settled) return;
        settled = true;
        connection.removeListener('error', fail);
        resolve(connection);
      }, fail);
    });
  });
}

function login(connection: SMTPConnection, target: SmtpTarget): Promise<void> {
  // A server that offers no AUTH gets none (a local relay or the inbox); nodemailer's transport does the same.
  if (!target.auth || !connection.allowsAuth) return Promise.resolve();
  return new Promise((resolve, reject) =>
    connection.login({ user: target.auth!.user, pass: target.auth!.pass }, (error) =>
      error ? reject(error) : resolve(),
    ),
  );
}
