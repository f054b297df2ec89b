// The choices an import makes between reading its source and writing files, kept pure: which items go in
// (earlier editions, --since, --limit, duplicates), the edition's slug, subject and preheader, the summary.
import type { ImportItem, Skipped } from './item.js';
import { urlKey } from './seen-urls.js';
import { slugify } from './text.js';

export interface Selection {
  since?: string;
  limit?: number;
  /** Normalised URL → earlier edition's slug; empty with --all. */
  seen: Map<string, string>;
}

/** Items that pass, in order, and the others with the reason each was left out. */
export function selectItems<T extends { url: string; title?: string; date?: string }>(
  items: T[],
  selection: Selection,
): { kept: T[]; skipped: Skipped[] } {
  const kept: T[] = [];
  const skipped: Skipped[] = [];
  const taken = new Set<string>();
  for (const item of items) {
    const key = urlKey(item.url) ?? item.url;
    const label = item.title || item.url;
    const earlier = selection.seen.get(key);
    if (earlier) skipped.push({ label, reason: `already in ${earlier}` });
    else if (taken.has(key)) skipped.push({ label, reason: 'listed twice' });
    else if (selection.since && item.date && item.date < selection.since)
      skipped.push({ label, reason: 'older than --since' });
    else if (selection.limit !== undefined && kept.length >= selection.limit)
      skipped.push({ label, reason: 'over --limit' });
    else {
      kept.push(item);
      taken.add(key);
    }
  }
  return { kept, skipped };
}

export const defaultSlug = (date: string, name: string): string => `${date}-${slugify(name, 40) || 'links'}`;

const longDate = (date: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

/** "<name>: <date>", within the 78 characters a subject may have. */
export function subjectFor(name: string, date: string): string {
  const tail = `: ${longDate(date)}`;
  const room = 78 - tail.length;
  const head = name.length <= room ? name : `${name.slice(0, room - 1).replace(/\s+\S*$/, '')}…`;
  return `${head}${tail}`;
}

/** The first titles, for the line inboxes show after the subject. */
export function preheaderFor(items: ImportItem[]): string {
  const shown: string[] = [];
  for (const item of items) {
    if (shown.length === 3 || [...shown, item.title].join(' · ').length > 120) break;
    shown.push(item.title);
  }
  if (shown.length === 0) shown.push(items[0].title.slice(0, 110));
  const more = items.length - shown.length;
  return `${shown.join(' · ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** "12 imported, 2 skipped: 1 already in 2026-11-notes, 1 without a link". */
export function summaryLine(imported: number, skipped: Skipped[]): string {
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  const reasons = [...counts].map(([reason, n]) => `${n} ${reason}`).join(', ');
  return `${imported} imported, ${skipped.length} skipped${reasons ? `: ${reasons}` : ''}`;
}
