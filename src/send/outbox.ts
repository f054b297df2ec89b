// --dry-run: each recipient's exact message as an .eml under out/.newsletter/outbox/<slug>/, replacing
// what an earlier dry run left there, so the folder always shows the last run.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PRIVATE_DIR } from '../output/private-dir.js';
import { writeAllAtomic } from '../output/write.js';

export const outboxDir = (outDir: string, slug: string): string => join(outDir, PRIVATE_DIR, 'outbox', slug);

/** "01-ann_example.org.eml": numbered in sending order, named after the address (made file-name safe). */
export const outboxName = (index: number, total: number, email: string): string =>
  `${String(index + 1).padStart(String(total).length, '0')}-${email
    .toLowerCase()
    .replace(/[^a-z0-9.@_-]+/g, '_')
    .replace('@', '_at_')}.eml`;

export async function writeOutbox(
  outDir: string,
  slug: string,
  messages: { name: string; raw: Buffer }[],
): Promise<void> {
  const dir = outboxDir(outDir, slug);
  await rm(dir, { recursive: true, force: true });
  await writeAllAtomic(messages.map((m) => ({ path: join(dir, m.name), data: m.raw })));
}
