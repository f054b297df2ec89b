// What an import is asked to do and what it reports, shared by the import's stages.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FetchLimits } from './http-get.js';
import type { ImportItem, Skipped } from './item.js';

export interface ImportOptions {
  /** A feed's URL or file; or, with `urls`, the file listing links. */
  source: string;
  urls: boolean;
  contentDir: string;
  edition?: string;
  since?: string;
  limit?: number;
  all: boolean;
  force: boolean;
  /** YYYY-MM-DD: the edition's date and the default slug's start. */
  today: string;
  limits: FetchLimits;
  concurrency: number;
  onPage?: (done: number, total: number) => void;
}

export interface ImportReport {
  slug?: string;
  folder?: string;
  files: string[];
  imported: { title: string; url: string }[];
  skipped: Skipped[];
  diagnostics: Diagnostic[];
  /** The edition exists and --force was not given: a usage error. */
  exists?: boolean;
}

export interface Gathered {
  /** The feed's title, or "Links". */
  name: string;
  /** Picks among what was read (given the earlier editions' URLs) and fills in each item. */
  complete: (seen: Map<string, string>) => Promise<ImportItem[]>;
}
