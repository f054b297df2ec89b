// What export writes for one platform: out/<slug>/export/<platform>/{index.html,index.txt,manifest.json}
// and, with --zip, the same three files as out/<slug>/export/<platform>.zip for the platform's importer,
// with the edition's local images beside index.html, which refers to them by relative paths (importers
// such as Mailchimp's and Campaign Monitor's upload them); the folder's index.html keeps the absolute URLs.
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { OutputFile, StoredEdition } from '../output/edition-output.js';
import type { EditionExport } from './export-edition.js';
import type { InlineImage } from '../assets/inline-images.js';
import { swapAssetUrls } from '../assets/swap-urls.js';

export interface ExportManifest {
  platform: string;
  slug: string;
  subject: string;
  preheader: string | null;
  /** Fields the platform has no merge tag for: they hold their configured values. */
  fallbacks: string[];
  files: Record<string, { bytes: number }>;
  /** How index.html refers to the local images: their published URLs, or names beside it (the zip). */
  images?: { form: 'absolute' | 'relative'; files: string[] };
}

export function exportFiles(
  outDir: string,
  stored: StoredEdition,
  result: EditionExport,
  /** With --zip: the edition's local images, to bundle. */
  zip: InlineImage[] | undefined,
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
    ...(stored.assets?.length
      ? { images: { form: 'absolute', files: stored.assets.map((a) => a.url) } }
      : {}),
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
  if (zip)
    files.push({
      path: `${dir}.zip`,
      data: zipFiles(zipContents(parts, manifest, zip), new Date(stored.message.date)),
    });
  return files;
}

/** The zip's files: index.html naming each image by its file name, the images beside it, and its manifest. */
function zipContents(
  parts: Record<string, string>,
  manifest: ExportManifest,
  images: InlineImage[],
): Record<string, string | Uint8Array> {
  if (images.length === 0) return { ...parts, 'manifest.json': `${JSON.stringify(manifest, null, 2)}\n` };
  const html = swapAssetUrls(parts['index.html']!, images, (image) => image.name);
  const bundled = Object.fromEntries(images.map((image) => [image.name, image.content]));
  const described: ExportManifest = {
    ...manifest,
    files: {
      ...manifest.files,
      'index.html': { bytes: Buffer.byteLength(html) },
      ...Object.fromEntries(images.map((image) => [image.name, { bytes: image.content.byteLength }])),
    },
    images: { form: 'relative', files: images.map((image) => image.name) },
  };
  return {
    ...parts,
    'index.html': html,
    ...bundled,
    'manifest.json': `${JSON.stringify(described, null, 2)}\n`,
  };
}

/** A zip with the files at its top level. Same input, same bytes: every entry carries the edition's date. */
export function zipFiles(contents: Record<string, string | Uint8Array>, date: Date): Uint8Array {
  // Zip times are local wall-clock times from 1980 to 2107: shift so the stored time reads as the UTC date in
  // every time zone, and keep it in range.
  const clamped = Math.min(Math.max(date.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31));
  const mtime = new Date(clamped + new Date(clamped).getTimezoneOffset() * 60_000);
  const entries = Object.fromEntries(
    Object.entries(contents).map(([name, data]) => [
      name,
      typeof data === 'string' ? new TextEncoder().encode(data) : data,
    ]),
  );
  return zipSync(entries, { level: 9, mtime });
}
