// The local inbox: an SMTP server on loopback that keeps every message it receives as an .eml, the way
// Mailpit or MailHog do, so `send` can be tried without an SMTP account. It accepts any sender, any
// recipient and any login, and relays nothing.
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { readFile, rm } from 'node:fs/promises';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { displayPath } from '../content/discover.js';
import { diag, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import { writeAtomic } from '../output/write.js';
import { messagePath, serverFile, type InboxServerInfo } from './paths.js';

export interface InboxOptions {
  outDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Told of each message once it is stored. */
  onMessage?: (message: { id: string; from: string; to: string[]; size: number }) => void;
}

export interface RunningInbox {
  port: number;
  close(): Promise<void>;
}

/** The inbox could not record where it listens (out/ read-only, or not a folder): it does not start. */
export class InboxWriteFailed extends Error {
  constructor(
    readonly path: string,
    override readonly cause: NodeJS.ErrnoException,
  ) {
    super(`cannot write ${path}: ${cause.code ?? cause.message}`);
  }

  /** As a diagnostic naming the file relative to `root`. */
  diagnostic(root: string, severity: Severity = 'error'): Diagnostic {
    const file = displayPath(root, this.path);
    return diag(
      'WRITE_FAILED',
      severity,
      `cannot write ${file}: ${this.cause.code ?? this.cause.message}`,
      { file },
      'the local inbox keeps its messages under the output folder: check that --out names a folder you can write to',
    );
  }
}

/** Messages larger than this are refused with 552, as a real server would. */
export const INBOX_MAX_BYTES = 50 * 1024 * 1024;

export async function startInbox(options: InboxOptions): Promise<RunningInbox> {
  const host = options.host ?? '127.0.0.1';
  const server = new SMTPServer({
    name: 'newsletter-inbox',
    banner: 'newsletter inbox: messages are kept, never relayed',
    logger: false,
    // No certificate a client could verify, so no STARTTLS: offering smtp-server's built-in one would make
    // clients that upgrade opportunistically fail on it.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'inbox' }),
    size: INBOX_MAX_BYTES,
    // On stop, a client still connected gets this long to finish: stopping is promised within a second.
    closeTimeout: 250,
    onData: (stream, session, callback) => {
      receive(options.outDir, stream, session).then(
        (stored) => {
          callback();
          options.onMessage?.(stored);
        },
        (error: Error) =>
          callback(
            Object.assign(error, { responseCode: (error as { responseCode?: number }).responseCode ?? 451 }),
          ),
      );
    },
  });
  // Errors on one client connection (a reset socket) must not take the inbox down.
  server.on('error', () => {});
  // Every client socket, so that closing can end them all: smtp-server only half-closes a connection it
  // gives up on, and a client that never answers that would keep the process alive.
  const sockets = new Set<Socket>();
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once('error', onError);
    server.listen(options.port ?? 0, host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const port = (server.server.address() as { port: number }).port;
  const info: InboxServerInfo = { port, pid: process.pid };
  try {
    await writeAtomic(serverFile(options.outDir), `${JSON.stringify(info)}\n`);
  } catch (error) {
    // nothing may keep listening once start-up failed: the process would never end
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw new InboxWriteFailed(serverFile(options.outDir), error as NodeJS.ErrnoException);
  }

  let closing: Promise<void> | undefined;
  return {
    port,
    close: () =>
      (closing ??= (async () => {
        // first: the record goes even when stopping the server outlasts the stop's deadline (a client stalled
        // inside DATA holds it for smtp-server's grace time, and a busy machine stretches that)
        await forgetServer(options.outDir, info);
        await new Promise<void>((resolve) => server.close(() => resolve()));
        for (const socket of sockets) socket.destroy();
      })()),
  };
}

async function receive(
  outDir: string,
  stream: SMTPServerDataStream,
  session: SMTPServerSession,
): Promise<{ id: string; from: string; to: string[]; size: number }> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  if (stream.sizeExceeded) {
    throw Object.assign(new Error(`message exceeds the inbox limit of ${INBOX_MAX_BYTES} bytes`), {
      responseCode: 552,
    });
  }
  const id = newMessageId();
  const data = Buffer.concat([traceHeaders(id, session), ...chunks]);
  await writeAtomic(messagePath(outDir, id), data);
  const { mailFrom, rcptTo } = session.envelope;
  return { id, from: mailFrom ? mailFrom.address : '', to: rcptTo.map((r) => r.address), size: data.length };
}

let sequence = 0;

/** Sortable by arrival: a UTC timestamp to the millisecond, a counter for messages within one millisecond,
 *  then randomness against a second inbox writing to the same folder. */
function newMessageId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '').replace('T', '-').replace('Z', '');
  sequence = (sequence + 1) % 10_000;
  return `${stamp}-${String(sequence).padStart(4, '0')}-${randomBytes(3).toString('hex')}`;
}

/** What a receiving server prepends: who sent it (envelope) and for whom, so Bcc-like sends stay visible. */
function traceHeaders(id: string, session: SMTPServerSession): Buffer {
  const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  const clean = (text: string) => text.replace(/[\r\n]+/g, ' ');
  const to = session.envelope.rcptTo.map((r) => `<${clean(r.address)}>`).join(', ');
  return Buffer.from(
    `Return-Path: <${clean(from)}>\r\n` +
      `Received: from ${clean(session.clientHostname || session.remoteAddress)} ([${session.remoteAddress}])\r\n` +
      `\tby newsletter-inbox with ${session.transmissionType ?? 'SMTP'} id ${id}\r\n` +
      `\tfor ${to}; ${new Date().toUTCString().replace('GMT', '+0000')}\r\n`,
  );
}

/** Removes server.json unless another inbox has taken it over since. */
async function forgetServer(outDir: string, info: InboxServerInfo): Promise<void> {
  try {
    const current = JSON.parse(await readFile(serverFile(outDir), 'utf8')) as InboxServerInfo;
    if (current.port !== info.port || current.pid !== info.pid) return;
  } catch {
    return;
  }
  await rm(serverFile(outDir), { force: true });
}
