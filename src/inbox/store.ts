// Reading the local inbox: the messages `newsletter inbox` kept under out/.newsletter/inbox/, parsed with
// mailparser. Used by the preview server's /inbox pages and by `newsletter inbox --list`.
import { readdir, readFile, stat } from 'node:fs/promises';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { inboxDir, isMessageId, messagePath } from './paths.js';

export interface InboxSummary {
  /** The file name without .eml; pass it back to readMessage. */
  id: string;
  from: string;
  to: string;
  subject: string;
  /** ISO 8601: the message's Date header, else when the inbox received it. */
  date: string;
  /** Bytes of the stored .eml. */
  size: number;
}

export interface InboxMessage {
  summary: InboxSummary;
  /** The HTML part as the sender wrote it: untrusted, show it sandboxed. */
  html?: string;
  text?: string;
  /** Every header in order, as [name, unfolded raw value]. */
  headers: [string, string][];
  /** The whole .eml as received. */
  raw: string;
}

// Stored messages never change (a new message gets a new id), so a summary parsed once stays true.
const summaries = new Map<string, InboxSummary>();

/** Every message in the inbox, newest first; [] when the inbox was never started. */
export async function listMessages(outDir: string): Promise<InboxSummary[]> {
  let names: string[];
  try {
    names = await readdir(inboxDir(outDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const ids = names
    .filter((n) => n.endsWith('.eml'))
    .map((n) => n.slice(0, -4))
    .filter(isMessageId);
  const listed = await Promise.all(ids.map((id) => summaryOf(outDir, id)));
  // Ids start with the arrival time, so sorting them sorts by arrival.
  return listed
    .filter((s): s is InboxSummary => s !== undefined)
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** One message, parsed; undefined for an unknown id or one that is not a plain file name. */
export async function readMessage(outDir: string, id: string): Promise<InboxMessage | undefined> {
  const loaded = await load(outDir, id);
  if (!loaded) return undefined;
  const { raw, parsed, summary } = loaded;
  return {
    summary,
    ...(parsed.html ? { html: parsed.html } : {}),
    ...(parsed.text !== undefined ? { text: parsed.text } : {}),
    headers: parsed.headerLines.map(({ line }) => headerPair(line)),
    raw: raw.toString('utf8'),
  };
}

async function summaryOf(outDir: string, id: string): Promise<InboxSummary | undefined> {
  const key = `${outDir}\0${id}`;
  const known = summaries.get(key);
  if (known) return known;
  const loaded = await load(outDir, id);
  if (loaded) summaries.set(key, loaded.summary);
  return loaded?.summary;
}

async function load(
  outDir: string,
  id: string,
): Promise<{ raw: Buffer; parsed: ParsedMail; summary: InboxSummary } | undefined> {
  if (!isMessageId(id)) return undefined;
  const path = messagePath(outDir, id);
  let raw: Buffer;
  let received: Date;
  try {
    [raw, received] = await Promise.all([readFile(path), stat(path).then((s) => s.mtime)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = await simpleParser(raw, { skipTextToHtml: true });
  const summary: InboxSummary = {
    id,
    from: addresses(parsed.from),
    to: addresses(parsed.to),
    subject: parsed.subject ?? '',
    date: (parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : received).toISOString(),
    size: raw.length,
  };
  return { raw, parsed, summary };
}

const addresses = (value: AddressObject | AddressObject[] | undefined): string =>
  (Array.isArray(value) ? value : value ? [value] : []).map((a) => a.text).join(', ');

/** "Subject: a\r\n b" -> ["Subject", "a b"]: the name as written, the value unfolded. */
function headerPair(line: string): [string, string] {
  const colon = line.indexOf(':');
  if (colon < 0) return [line.trim(), ''];
  return [
    line.slice(0, colon).trim(),
    line
      .slice(colon + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim(),
  ];
}
