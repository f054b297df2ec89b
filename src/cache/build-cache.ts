// The incremental build cache: out/.newsletter/cache/editions.json, one entry per edition last built.
// It can be deleted at any time. Whatever does not parse, belongs to another format, or fails a check is
// ignored: the worst a bad cache can cause is a rebuild, never stale output.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Project } from '../project.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildCacheFile, cacheDirIn, PRIVATE_DIR } from '../output/private-dir.js';
import { realFolder } from '../output/real-folder.js';
import { writeAtomic } from '../output/write.js';
import { CACHE_FORMAT, contentKeyWithImages, settingsKey } from './keys.js';
import { readInputs, type EditionEntry, type EditionInputs } from './inputs.js';
import { withImageStamps, type CacheEntry } from './entry.js';
import { stampsMatch, type FileStamp } from './stamps.js';
import { isCacheEntry } from './validate.js';
import { codeDigestUnsaved, saveCodeDigest, toolFingerprint } from './tool.js';

export type Freshness = { fresh: CacheEntry } | { stale: true; inputs?: EditionInputs };

export class BuildCache {
  private readonly settings = new Map<string, string>();
  private changed = false;
  /** The output stamps of the editions found current, relative to the out folder: each was just compared. */
  private readonly checkedOutputs = new Map<string, FileStamp>();
  /** Entries as JSON, serialized ahead of save() (prepareSave); an entry recorded since is not here. */
  private readonly serialized = new Map<string, string>();

  private constructor(
    private readonly project: Project,
    private readonly file: string,
    private readonly entries: Map<string, CacheEntry>,
    /** A cache file that is there but cannot be read (READ_FAILED, a warning: the build is a cold one). */
    readonly diagnostics: Diagnostic[],
  ) {}

  static async open(project: Project): Promise<BuildCache> {
    const file = buildCacheFile(project.paths.out);
    const read = await readEntries(file);
    const problems =
      'problem' in read
        ? [
            diag(
              'READ_FAILED',
              'warning',
              `cannot read the build cache: ${read.problem}; every edition is rebuilt`,
              { file: cacheLabel(project) },
            ),
          ]
        : [];
    // the tool's part of every edition's key, now: in a first build of a few editions this thread waits for
    // the MJML thread next, and the key is asked for once the edition is written, when nothing else waits
    toolFingerprint(cacheDirIn(project.paths.out));
    return new BuildCache(project, file, 'entries' in read ? read.entries : new Map(), problems);
  }

  /**
   * Whether the edition's output is current: settings, then output stamps, then content (stamps, else bytes).
   * Anything that cannot be read makes it stale: building it then says what the matter is.
   */
  async check(entry: EditionEntry): Promise<Freshness> {
    try {
      return await this.freshness(entry);
    } catch {
      return { stale: true };
    }
  }

  private async freshness(entry: EditionEntry): Promise<Freshness> {
    const cached = this.entries.get(entry.slug);
    if (!cached || cached.settings !== this.settingsFor(cached.layout)) return { stale: true };
    if (!stampsMatch(this.project.paths.out, cached.outputs)) return { stale: true };
    if (cached.inputs && stampsMatch(this.project.paths.root, cached.inputs)) return this.fresh(cached);
    const images = cached.images ?? [];
    const inputs = await readInputs(this.project.paths.root, entry);
    if (contentKeyWithImages(this.project.paths.root, inputs.source, images) !== cached.content)
      return { stale: true, inputs };
    // same bytes under new stamps (a checkout, a copy, a save without changes): remember the new stamps
    const stamps = withImageStamps(this.project.paths.root, inputs, images);
    const { inputs: _old, ...rest } = cached;
    this.record(entry.slug, { ...rest, ...(stamps ? { inputs: stamps } : {}) });
    return this.fresh(cached);
  }

  private fresh(cached: CacheEntry): Freshness {
    for (const stamp of cached.outputs) this.checkedOutputs.set(stamp.path, stamp);
    return { fresh: cached };
  }

  /**
   * The stamps of the output files of every edition this build found current, as they were found when it
   * checked them: the archive takes a manifest's from here rather than asking the file system again. An
   * edition built in this run is not among them.
   */
  get checkedStamps(): ReadonlyMap<string, FileStamp> {
    return this.checkedOutputs;
  }

  /** How many editions the cache remembers. */
  get size(): number {
    return this.entries.size;
  }

  record(slug: string, entry: CacheEntry): void {
    this.entries.set(slug, entry);
    this.serialized.delete(slug);
    this.changed = true;
  }

  /**
   * Serializes every entry now, for a build that will save the cache and has a moment to spare (waiting for
   * the MJML thread): save() then serializes only the entries recorded since. The file is the same.
   */
  prepareSave(): void {
    for (const [slug, entry] of this.entries)
      if (!this.serialized.has(slug)) this.serialized.set(slug, JSON.stringify(entry));
  }

  /** Writes the cache if anything changed, keeping only editions that still exist; a failure is a warning. */
  async save(): Promise<Diagnostic[]> {
    const slugs = new Set(this.project.editions.map((e) => e.slug));
    for (const slug of this.entries.keys()) {
      if (!slugs.has(slug)) {
        this.entries.delete(slug);
        this.serialized.delete(slug);
        this.changed = true;
      }
    }
    if (!this.changed && !codeDigestUnsaved()) return [];
    try {
      const dir = realFolder(this.project.paths.out, PRIVATE_DIR, 'cache'); // never through a symbolic link
      await saveCodeDigest(dir);
      if (this.changed) await writeAtomic(this.file, this.json());
    } catch (error) {
      return [
        diag(
          'WRITE_FAILED',
          'warning',
          `cannot save the build cache: ${(error as Error).message}; the next build rebuilds every edition`,
          { file: cacheLabel(this.project) },
        ),
      ];
    }
    this.changed = false;
    return [];
  }

  /**
   * The file: JSON.stringify({ format, editions }) of the entries, each written as prepareSave() left it, or
   * now. An object lists integer-like keys first, in numeric order, then the others as they were added:
   * so does this.
   */
  private json(): string {
    const slugs = [...this.entries.keys()];
    const ordered = [
      ...slugs.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b)),
      ...slugs.filter((slug) => !isArrayIndex(slug)),
    ];
    const members = ordered.map(
      (slug) =>
        `${JSON.stringify(slug)}:${this.serialized.get(slug) ?? JSON.stringify(this.entries.get(slug))}`,
    );
    return `{"format":${JSON.stringify(CACHE_FORMAT)},"editions":{${members.join(',')}}}`;
  }

  private settingsFor(layout: string): string {
    let key = this.settings.get(layout);
    if (key === undefined) this.settings.set(layout, (key = settingsKey(this.project, layout)));
    return key;
  }
}

/** Whether a property key is an array index, which objects list first ("0" to "4294967294", no leading zero). */
const isArrayIndex = (key: string): boolean => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;

const cacheLabel = (project: Project): string =>
  join(project.paths.outLabel, PRIVATE_DIR, 'cache', 'editions.json').split('\\').join('/');

async function readEntries(
  file: string,
): Promise<{ entries: Map<string, CacheEntry> } | { problem: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // missing (a first build) or not JSON (cut short, edited): a cold build, nothing to say
    if (code === 'ENOENT' || code === 'ENOTDIR' || error instanceof SyntaxError)
      return { entries: new Map() };
    return { problem: (error as Error).message };
  }
  const { format, editions } = (parsed ?? {}) as { format?: unknown; editions?: unknown };
  if (format !== CACHE_FORMAT || typeof editions !== 'object' || editions === null)
    return { entries: new Map() };
  return {
    entries: new Map(
      Object.entries(editions).filter((pair): pair is [string, CacheEntry] => isCacheEntry(pair[1])),
    ),
  };
}
