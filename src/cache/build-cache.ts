// The incremental build cache: out/.newsletter/cache/editions.json, one entry per edition last built.
// It can be deleted at any time. Whatever does not parse, belongs to another format, or fails a check is
// ignored: the worst a bad cache can cause is a rebuild, never stale output.
import { readFile } from 'node:fs/promises';
import type { Project } from '../project.js';
import { buildCacheFile } from '../output/private-dir.js';
import { writeAtomic } from '../output/write.js';
import { CACHE_FORMAT, contentKeyWithImages, settingsKey } from './keys.js';
import { readInputs, type EditionEntry, type EditionInputs } from './inputs.js';
import { withImageStamps, type CacheEntry } from './entry.js';
import { stampsMatch } from './stamps.js';
import { isCacheEntry } from './validate.js';

export type Freshness = { fresh: CacheEntry } | { stale: true; inputs?: EditionInputs };

export class BuildCache {
  private readonly settings = new Map<string, string>();
  private changed = false;

  private constructor(
    private readonly project: Project,
    private readonly file: string,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  static async open(project: Project): Promise<BuildCache> {
    const file = buildCacheFile(project.paths.out);
    return new BuildCache(project, file, await readEntries(file));
  }

  /** Whether the edition's output is current: settings, then output stamps, then content (stamps, else bytes). */
  async check(entry: EditionEntry): Promise<Freshness> {
    const cached = this.entries.get(entry.slug);
    if (!cached || cached.settings !== this.settingsFor(cached.layout)) return { stale: true };
    if (!stampsMatch(this.project.paths.out, cached.outputs)) return { stale: true };
    if (cached.inputs && stampsMatch(this.project.paths.root, cached.inputs)) return { fresh: cached };
    const images = cached.images ?? [];
    const inputs = await readInputs(this.project.paths.root, entry);
    if (contentKeyWithImages(this.project.paths.root, inputs.source, images) !== cached.content)
      return { stale: true, inputs };
    // same bytes under new stamps (a checkout, a copy, a save without changes): remember the new stamps
    const stamps = withImageStamps(this.project.paths.root, inputs, images);
    const { inputs: _old, ...rest } = cached;
    this.record(entry.slug, { ...rest, ...(stamps ? { inputs: stamps } : {}) });
    return { fresh: cached };
  }

  /** How many editions the cache remembers. */
  get size(): number {
    return this.entries.size;
  }

  record(slug: string, entry: CacheEntry): void {
    this.entries.set(slug, entry);
    this.changed = true;
  }

  /** Writes the cache if anything changed, keeping only editions that still exist. */
  async save(): Promise<void> {
    const slugs = new Set(this.project.editions.map((e) => e.slug));
    for (const slug of this.entries.keys()) {
      if (!slugs.has(slug)) {
        this.entries.delete(slug);
        this.changed = true;
      }
    }
    if (!this.changed) return;
    await writeAtomic(
      this.file,
      JSON.stringify({ format: CACHE_FORMAT, editions: Object.fromEntries(this.entries) }),
    );
    this.changed = false;
  }

  private settingsFor(layout: string): string {
    let key = this.settings.get(layout);
    if (key === undefined) this.settings.set(layout, (key = settingsKey(this.project, layout)));
    return key;
  }
}

async function readEntries(file: string): Promise<Map<string, CacheEntry>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return new Map(); // missing or unreadable: a cold build
  }
  const { format, editions } = (parsed ?? {}) as { format?: unknown; editions?: unknown };
  if (format !== CACHE_FORMAT || typeof editions !== 'object' || editions === null) return new Map();
  return new Map(
    Object.entries(editions).filter((pair): pair is [string, CacheEntry] => isCacheEntry(pair[1])),
  );
}
