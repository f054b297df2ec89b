// Who a test send goes to: --to addresses and/or a --recipients file (CSV with a header row, or a JSON array
// of objects) with `email`, `first_name` and any other recipient field the templates use. Everything that
// will reach a header is validated here, before anything is sent: no CR/LF or other control characters, one
// plain address per recipient, http(s) URLs only.
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import addressparser from 'nodemailer/lib/addressparser';
import { displayPath } from '../content/discover.js';
import { lineColumnAt, parseJson } from '../content/text.js';
import { diag, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { isRecipientField, RECIPIENT_FIELDS, type RecipientValues } from '../render/tokens.js';

export interface Recipient {
  /** The bare address: the envelope recipient and the `email` field. */
  email: string;
  /** Display name for the To header. */
  name?: string;
  fields: RecipientValues;
  /** Where it was given: "--to" or "recipients.csv:4". */
  source: string;
}

export interface RecipientList {
  recipients: Recipient[];
  diagnostics: Diagnostic[];
}

/** Columns besides the recipient fields that mean something: the To header's display name. */
const NAME_COLUMNS = ['name', 'last_name'];
const URL_FIELDS = new Set(['unsubscribe_url', 'preferences_url', 'web_version_url']);
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const ADDRESS =
  /^[^\s@<>()[\]\\,;:"\u0000-\u001f\u007f]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)*[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

export const isAddress = (text: string): boolean =>
  ADDRESS.test(text) && text.length <= 254 && !text.includes('..');

/** `--to a@x.org,"Doe, Ann" <ann@x.org>` (repeatable): each value may hold several addresses. */
export function recipientsFromOption(values: readonly string[]): RecipientList {
  const recipients: Recipient[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const value of values) {
    if (CONTROL.test(value)) {
      diagnostics.push(
        diag(
          'RECIPIENT_INVALID',
          'error',
          `--to ${JSON.stringify(value)} contains a line break or control character`,
        ),
      );
      continue;
    }
    for (const entry of addressparser(value)) {
      const name = entry.name.trim();
      if (entry.group !== undefined || !isAddress(entry.address ?? '')) {
        diagnostics.push(
          diag(
            'RECIPIENT_INVALID',
            'error',
            `--to: "${entry.group !== undefined ? name : entry.address || name}" is not an email address`,
            {},
            'give addresses like me@example.org or "Ann Smith <ann@example.org>"',
          ),
        );
        continue;
      }
      recipients.push({ email: entry.address!, ...(name ? { name } : {}), fields: {}, source: '--to' });
    }
  }
  return { recipients, diagnostics };
}

/** `urlFields`: columns the unsubscribe URL names, kept beside the recipient fields. */
export async function recipientsFromFile(
  root: string,
  file: string,
  urlFields: readonly string[] = [],
): Promise<RecipientList> {
  const known = (column: string) => isRecipientField(column) || urlFields.includes(column);
  const path = resolve(root, file);
  const shown = displayPath(root, path);
  let source: string;
  try {
    source = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    return {
      recipients: [],
      diagnostics: [
        diag(
          'RECIPIENTS_FILE',
          'error',
          `cannot read recipients: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
          { file: shown },
        ),
      ],
    };
  }
  const rows = extname(path).toLowerCase() === '.json' ? jsonRows(source, shown) : csvRows(source, shown);
  if ('diagnostic' in rows) return { recipients: [], diagnostics: [rows.diagnostic] };

  const diagnostics: Diagnostic[] = [];
  const columns = new Set(rows.rows.flatMap((row) => Object.keys(row.values)));
  if (!columns.has('email')) {
    return {
      recipients: [],
      diagnostics: [
        diag(
          'RECIPIENTS_FILE',
          'error',
          'the recipients have no "email" column or field',
          { file: shown, line: 1 },
          `fields: email, ${[...RECIPIENT_FIELDS.filter((f) => f !== 'email'), ...NAME_COLUMNS].join(', ')}`,
        ),
      ],
    };
  }
  for (const column of columns) {
    if (!known(column) && !NAME_COLUMNS.includes(column)) {
      diagnostics.push(
        diag(
          'RECIPIENT_UNKNOWN_FIELD',
          'warning',
          `"${column}" is not a recipient field; it is ignored`,
          { file: shown, line: 1 },
          `recipient fields: ${RECIPIENT_FIELDS.join(', ')} (and name, last_name for the To header)`,
        ),
      );
    }
  }
  const recipients: Recipient[] = [];
  for (const row of rows.rows) {
    const where: Location = { file: shown, line: row.line };
    const problem = rowProblem(row.values);
    if (problem) {
      diagnostics.push(diag('RECIPIENT_INVALID', 'error', problem, where));
      continue;
    }
    const { email, name, last_name: lastName, ...rest } = row.values;
    const fields = Object.fromEntries(
      Object.entries(rest).filter(([key, value]) => known(key) && value !== ''),
    ) as RecipientValues;
    const display = name || [rest.first_name, lastName].filter(Boolean).join(' ');
    recipients.push({
      email: email!,
      ...(display ? { name: display } : {}),
      fields,
      source: `${shown}:${row.line}`,
    });
  }
  return { recipients, diagnostics };
}

/** One message per address: later duplicates are dropped with a warning. */
export function uniqueRecipients(lists: RecipientList[]): RecipientList {
  const seen = new Map<string, Recipient>();
  const diagnostics = lists.flatMap((list) => list.diagnostics);
  for (const recipient of lists.flatMap((list) => list.recipients)) {
    const key = recipient.email.toLowerCase();
    const first = seen.get(key);
    if (first)
      diagnostics.push(
        diag(
          'RECIPIENT_DUPLICATE',
          'warning',
          `${recipient.email} (${recipient.source}) is already listed (${first.source}); it gets one message`,
        ),
      );
    else seen.set(key, recipient);
  }
  return { recipients: [...seen.values()], diagnostics };
}

function rowProblem(values: Record<string, string>): string | undefined {
  const email = values.email ?? '';
  if (!email) return 'no email address';
  for (const [key, value] of Object.entries(values)) {
    // A postal address may span lines in the footer; it never reaches a header.
    const text = key === 'postal_address' ? value.replace(/\r?\n/g, ' ') : value;
    if (CONTROL.test(text)) return `${key} contains a line break or control character`;
  }
  if (!isAddress(email)) return `"${email}" is not an email address`;
  for (const key of Object.keys(values).filter((k) => URL_FIELDS.has(k) && values[k])) {
    if (!isWebUrl(values[key]!)) return `${key} "${values[key]}" is not an http(s) URL`;
  }
  return undefined;
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !/[\s<>"]/.test(text);
  } catch {
    return false;
  }
}

interface Row {
  line: number;
  values: Record<string, string>;
}

/** "First Name" and "first-name" are the first_name column. */
const normalizeKey = (key: string) =>
  key
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function csvRows(source: string, file: string): { rows: Row[] } | { diagnostic: Diagnostic } {
  try {
    const records = parseCsv(source, {
      columns: (header: string[]) => header.map(normalizeKey),
      info: true,
      raw: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { info: { lines: number }; raw: string; record: Record<string, string> }[];
    // info.lines is where a record ends; a quoted field may span lines, and the line to show is the first.
    const spans = (raw: string) =>
      (
        raw
          .replace(/^[\r\n]+/, '')
          .replace(/\r?\n$/, '')
          .match(/\n/g) ?? []
      ).length;
    return {
      rows: records.map(({ info, raw, record }) => ({ line: info.lines - spans(raw), values: record })),
    };
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      diagnostic: diag(
        'RECIPIENTS_FILE',
        'error',
        `not valid CSV: ${(error as Error).message.replace(/^Invalid Record Length: /, '')}`,
        { file, ...(line ? { line } : {}) },
      ),
    };
  }
}

function jsonRows(source: string, file: string): { rows: Row[] } | { diagnostic: Diagnostic } {
  const parsed = parseJson(source);
  if (!('value' in parsed))
    return {
      diagnostic: diag('RECIPIENTS_FILE', 'error', `not valid JSON: ${parsed.message}`, {
        file,
        ...parsed.at,
      }),
    };
  const data = parsed.value;
  if (!Array.isArray(data))
    return {
      diagnostic: diag(
        'RECIPIENTS_FILE',
        'error',
        'expected a JSON array of recipients ([{"email": "..."}])',
        { file, line: 1 },
      ),
    };
  const rows: Row[] = [];
  let searchFrom = 0;
  for (const [index, item] of data.entries()) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return {
        diagnostic: diag('RECIPIENTS_FILE', 'error', `recipient ${index + 1} is not an object`, { file }),
      };
    }
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      if (value === null || value === undefined) continue;
      values[normalizeKey(key)] = typeof value === 'string' ? value.trim() : String(value);
    }
    // Lines for messages: where this recipient's address first appears after the previous one.
    const found = values.email ? source.indexOf(JSON.stringify(values.email).slice(1, -1), searchFrom) : -1;
    if (found >= 0) searchFrom = found + 1;
    rows.push({ line: found >= 0 ? lineColumnAt(source, found).line : 1, values });
  }
  return { rows };
}
