// Listening on the preview port: the default port moves on to the next free one (a second preview, or
// another dev server, is common), but a port the user asked for is a promise: taken means an error.
import type { Server } from 'node:http';

export const DEFAULT_PORT = 4000;
const TRIES = 20;

export class PortInUse extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is in use`);
  }
}

function listenOnce(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUse(port) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as { port: number }).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Resolves with the port listened on; rejects with PortInUse when `port` (or, not strict, every port tried) is taken. */
export async function listen(server: Server, host: string, port: number | undefined): Promise<number> {
  if (port !== undefined) return listenOnce(server, port, host);
  for (let candidate = DEFAULT_PORT; ; candidate += 1) {
    try {
      return await listenOnce(server, candidate, host);
    } catch (error) {
      if (!(error instanceof PortInUse) || candidate >= DEFAULT_PORT + TRIES - 1) throw error;
    }
  }
}
