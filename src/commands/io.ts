// How commands talk to the terminal: data on stdout, human messages on stderr, colour only on a TTY.
import { formatDiagnostic } from '../diagnostics/format.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour and progress lines: only when stderr is a terminal and NO_COLOR is unset. */
  color: boolean;
  interactive: boolean;
}

export function processIo(): Io {
  // A reader that goes away (`newsletter --help | head -3`) is no failure: what is left to say is dropped,
  // and the command still finishes its work and exits with its own code.
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') === 0) stream.on('error', ignoreClosedPipe);
  }
  const tty = Boolean(process.stderr.isTTY);
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: tty && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
    interactive: tty && Boolean(process.stdin.isTTY),
  };
}

function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}

export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d, { color: io.color })}\n`);
}

/** Exit codes: 0 success, 1 content/template/check/send failure, 2 usage or configuration error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
