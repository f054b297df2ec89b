// How the long-running commands (`preview`, `inbox`) stop: Ctrl-C (SIGINT), SIGTERM, or the reader of their
// output going away. Stopping must never hang: once asked, a command that has not closed within a
// deadline, or is asked a second time, ends the process anyway.
import { EXIT } from './io.js';

/** How long closing may take after a stop was asked; well under the second a stop is promised in. */
export const STOP_DEADLINE_MS = 700;

export interface StopSignal {
  /** Resolves when a stop is asked. */
  stopped: Promise<void>;
  /** Stops listening for signals (a command that ends by itself must give them back, or SIGTERM would
   *  be caught and ignored while something else keeps the process alive). */
  release(): void;
}

/**
 * Listens for Ctrl-C and SIGTERM from now on, and for the reader of stdout going away (`newsletter inbox --json
 * | head -3`): the next line written then fails with EPIPE, and a command that only runs to be read has no one
 * left to serve, as a Unix filter dies of SIGPIPE.
 */
export function stopSignal(): StopSignal {
  let release = () => {};
  const stopped = new Promise<void>((resolveStop) => {
    const readerGone = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') stop();
    };
    const stop = () => {
      release();
      resolveStop();
      forceExitIfStuck();
    };
    release = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stdout.off('error', readerGone);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    process.stdout.on('error', readerGone);
  });
  return { stopped, release: () => release() };
}

/** After a stop: a second signal, or the deadline passing, ends the process with exit 0 (as asked). */
function forceExitIfStuck(): void {
  const force = () => process.exit(EXIT.ok);
  setTimeout(force, STOP_DEADLINE_MS).unref();
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
}
