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
