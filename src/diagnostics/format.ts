import type { Diagnostic } from './diagnostic.js';

export interface FormatOptions {
  color?: boolean;
}

const paint = (on: boolean, code: number, text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);
const SEVERITY_COLOR = { error: 31, warning: 33, info: 36 } as const;

/** `file:line:column severity CODE message`, the shape editors and CI annotators understand. */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const color = options.color ?? false;
  const where = [d.file, d.line, d.line !== undefined ? d.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  const head = `${where ? `${where} ` : ''}${paint(color, SEVERITY_COLOR[d.severity], d.severity)} ${paint(color, 1, d.code)} ${d.message}`;
  return d.hint ? `${head}\n    ${paint(color, 2, `hint: ${d.hint}`)}` : head;
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const count = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`;
}
