// What export writes for one platform: out/<slug>/export/<platform>/{index.html,index.txt,manifest.json}
// and, with --zip, the same three files as out/<slug>/export/<platform>.zip for the platform's importer.
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { OutputFile, StoredEdition } from '../output/edition-output.js';
import type { EditionExport } from './export-edition.js';

export interface ExportManifest {
  platform: string;
  slug: string;
  subject: string;
  preheader: string | null;
  /** Fields the platform has no merge tag for: they hold their configured values. */
  fallbacks: string[];
  files: Record<string, { bytes: number }>;
}

export function exportFiles(
  outDir: string,
  stored: StoredEdition,
  result: EditionExport,
  zip: boolean,
): OutputFile[] {
  const parts: Record<string, string> = { 'index.html': result.html, 'index.txt': result.text };
  const manifest: ExportManifest = {
    platform: result.platform.name,
    slug: stored.slug,
    subject: stored.subject,
    preheader: stored.preheader ?? null,
    fallbacks: result.fallbacks,
    files: Object.fromEntries(
      Object.entries(parts).map(([name, data]) => [name, { bytes: Buffer.byteLength(data) }]),
    ),
  };
  const contents: Record<string, string> = {
    ...parts,
    'manifest.json': `${JSON.stringify(manifest, null, 2)}\n`,
  };
  const dir = join(outDir, stored.slug, 'export', result.platform.name);
  const files: OutputFile[] = Object.entries(contents).map(([name, data]) => ({
    path: join(dir, name),
    data,
  }));
  if (zip) files.push({ path: `${dir}.zip`, data: zipFiles(contents, new Date(stored.message.date)) });
  return files;
}

/** A zip with the files at its top level. Same input, same bytes: every entry carries the edition's date. */
export function zipFiles(contents: Record<string, string>, date: Date): Uint8Array {
  // Zip times are local wall-clock times from 1980 to 2107: shift so the stored time reads as the UTC date in
  // every time zone, and keep it in range.
  const clamped = Math.min(Math.max(date.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31));
  const mtime = new Date(clamped + new Date(clamped).getTimezoneOffset() * 60_000);
  const entries = Object.fromEntries(
    Object.entries(contents).map(([name, text]) => [name, new TextEncoder().encode(text)]),
  );
  return zipSync(entries, { level: 9, mtime });
}
