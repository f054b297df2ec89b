// A real SMTP server for the send tests: smtp-server on 127.0.0.1, port 0, keeping what it receives parsed
// with mailparser. Each test shapes it through smtp-server's own hooks (onAuth, onRcptTo, onData...).
import { createServer } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';

export interface Received {
  envelope: { from: string; to: string[] };
  parsed: ParsedMail;
  raw: Buffer;
  /** The session was encrypted (STARTTLS or TLS) when the message came. */
  secure: boolean;
  user?: string;
}

export interface TestServer {
  port: number;
  received: Received[];
  /** How many times DATA began, accepted or not. */
  dataCount: number;
  /** TCP connections accepted. */
  connections: number;
  /** Everything clients sent, as UTF-8, in order (the commands exactly as they went on the wire). */
  wire(): string;
  server: SMTPServer;
  close(): Promise<void>;
}

export async function startTestServer(options: SMTPServerOptions = {}): Promise<TestServer> {
  const sent: Buffer[] = [];
  const state: TestServer = {
    port: 0,
    received: [],
    dataCount: 0,
    connections: 0,
    wire: () => Buffer.concat(sent).toString('utf8'),
    server: undefined as unknown as SMTPServer,
    close: async () => {},
  };
  const keep = async (
    stream: NodeJS.ReadableStream & { sizeExceeded?: boolean },
    session: SMTPServerSession,
  ) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    return { raw, exceeded: Boolean(stream.sizeExceeded), session };
  };
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: options.key ? [] : ['STARTTLS'],
    closeTimeout: 200,
    onData(stream, session, callback) {
      state.dataCount++;
      keep(stream, session).then(async ({ raw, exceeded }) => {
        if (exceeded)
          return callback(
            Object.assign(new Error('message exceeds fixed maximum message size'), { responseCode: 552 }),
          );
        state.received.push({
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          parsed: await simpleParser(raw),
          raw,
          secure: session.secure,
          ...(session.user ? { user: String(session.user) } : {}),
        });
        callback(null, `OK: queued as ${state.received.length}`);
      }, callback);
    },
    ...options,
  });
  server.on('error', () => {});
  server.server.on('connection', (socket: NodeJS.ReadableStream) => {
    state.connections++;
    socket.on('data', (chunk: Buffer) => sent.push(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.server = server;
  state.port = (server.server.address() as { port: number }).port;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** A port nothing listens on: bound once, then released. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The environment that points send at a test server, with no SMTP settings leaking in from outside. */
export function smtpEnv(port: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    SMTP_HOST: '',
    SMTP_PORT: '',
    SMTP_USER: '',
    SMTP_PASS: '',
    SMTP_SECURE: '',
    SMTP_CA: '',
    ...extra,
  };
}
