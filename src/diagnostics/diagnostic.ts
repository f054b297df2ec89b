// Expected problems are data, not exceptions: every stage returns them and the CLI prints them together.
import type { Code } from './codes.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  /** Path relative to the project root, with forward slashes. */
  file?: string;
  /** 1-based, counted from the top of the file (front matter included). */
  line?: number;
  /** 1-based. */
  column?: number;
  hint?: string;
  /** INTERNAL_ERROR only: where newsletter failed. Shown (and kept in --json) only with --debug. */
  stack?: string;
}

export interface Location {
  file?: string;
  line?: number;
  column?: number;
}

export function diag(
  code: Code,
  severity: Severity,
  message: string,
  where: Location = {},
  hint?: string,
): Diagnostic {
  const d: Diagnostic = { code, severity, message };
  if (where.file !== undefined) d.file = where.file;
  if (where.line !== undefined) d.line = where.line;
  if (where.column !== undefined) d.column = where.column;
  if (hint !== undefined) d.hint = hint;
  return d;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

/** Set by the CLI for --debug (and so seen by worker threads too, which copy the environment). */
export const DEBUG_ENV = 'NEWSLETTER_DEBUG';

/**
 * An exception that escaped a stage of one edition, as that edition's diagnostic: the build goes on. The stack
 * comes along only with --debug (printed, and in --json).
 */
export function internalError(error: unknown, stage: string, where: Location = {}): Diagnostic {
  const e = error instanceof Error ? error : new Error(String(error));
  const d = diag(
    'INTERNAL_ERROR',
    'error',
    `newsletter failed while ${stage}: ${e.name === 'Error' ? '' : `${e.name}: `}${e.message}`,
    where,
    process.env[DEBUG_ENV]
      ? 'this is a bug in newsletter; the other editions were built. Please report it with the stack trace below'
      : 'this is a bug in newsletter; the other editions were built. Run again with --debug for the stack trace, and report it',
  );
  if (process.env[DEBUG_ENV] && e.stack) d.stack = e.stack;
  return d;
}
