// A writer's identity for the project tests: on a real-looking domain, so no check flags it as a placeholder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const IDENTITY = [
  '--name',
  'Harbour Letter',
  '--from',
  'Harbour Letter <letters@harbourletter.org>',
  '--url',
  'https://harbourletter.org/letters',
  '--unsubscribe-url',
  'https://harbourletter.org/unsubscribe?e={{email}}',
  '--postal-address',
  '1 Quay Street, Portree IV51 9DE, Scotland',
];

/** SOURCE_DATE_EPOCH in the test runs (test/helpers/project.ts): 2026-01-01, the date `init` and `new` use. */
export const TODAY = '2026-01-01';

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'newsletter-project-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
