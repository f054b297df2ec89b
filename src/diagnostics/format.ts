import type { Diagnostic } from './diagnostic.js';

export interface FormatOptions {
  color?: boolean;
}

/**
 * Text for the terminal: control characters (an escape sequence in a file name, a CR in a message) shown as
 * \xNN escapes, never sent raw. `keepNewlines` for text that is made of lines (a message, a stack trace).
 */
export function printable(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? UNPRINTABLE_IN_LINES : UNPRINTABLE, (c) => {
    const code = c.codePointAt(0)!;
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
// C0 and C1 controls, DEL, and the bidirectional overrides and isolates that reorder what a terminal shows
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const UNPRINTABLE_IN_LINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const paint = (on: boolean, code: number, text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);
const SEVERITY_COLOR = { error: 31, warning: 33, info: 36 } as const;

/** `file:line:column severity CODE message`, the shape editors and CI annotators understand. */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const color = options.color ?? false;
  const where = [
    d.file === undefined ? undefined : printable(d.file),
    d.line,
    d.line !== undefined ? d.column : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(':');
  const head = `${where ? `${where} ` : ''}${paint(color, SEVERITY_COLOR[d.severity], d.severity)} ${paint(color, 1, d.code)} ${printable(d.message, true)}`;
  const hinted = d.hint ? `${head}\n    ${paint(color, 2, `hint: ${printable(d.hint, true)}`)}` : head;
  return d.stack ? `${hinted}\n${printable(d.stack, true).replace(/^/gm, '    ')}` : hinted;
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const count = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`;
}
