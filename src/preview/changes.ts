// Which part of the preview a changed file touches, decided from its path alone: a pure function, so the
// rules are easy to read and to test. The watcher merges every event of a burst into one plan.
import { basename, relative, sep } from 'node:path';
import { ARTICLE_EXTENSIONS } from '../content/article.js';
import { isMediaFile } from './content-files.js';

export interface ChangePlan {
  /** Config or templates changed: load the project again and rebuild every edition. */
  project: boolean;
  /** An edition appeared or went away: list the editions again. */
  list: boolean;
  /** Editions whose own files changed. */
  slugs: Set<string>;
}

export interface WatchedPaths {
  content: string;
  templates: string;
  config: string;
  out: string;
}

export type WatchEvent = 'add' | 'addDir' | 'change' | 'unlink' | 'unlinkDir';

export const emptyPlan = (): ChangePlan => ({ project: false, list: false, slugs: new Set() });
export const isEmptyPlan = (plan: ChangePlan): boolean =>
  !plan.project && !plan.list && plan.slugs.size === 0;

/** `inside(parent, path)`: the path segments below parent, or undefined when path is not under it. */
function below(parent: string, path: string): string[] | undefined {
  const rel = relative(parent, path);
  if (rel === '') return [];
  if (rel.startsWith('..') || rel.startsWith(sep) || /^[a-zA-Z]:/.test(rel)) return undefined;
  return rel.split(sep);
}

const isArticle = (name: string) => ARTICLE_EXTENSIONS.some((ext) => name.endsWith(ext));
// discover.ts skips names starting with "." or "_"; so do we (editor swap files are hidden too)
const isHidden = (name: string) => name.startsWith('.') || name.startsWith('_');

/** Adds what one watcher event means to the plan; returns false when the event does not matter. */
export function addToPlan(plan: ChangePlan, event: WatchEvent, path: string, paths: WatchedPaths): boolean {
  if (path === paths.config) return (plan.project = true);
  if (below(paths.out, path)) return false; // our own output, should it live under a watched folder
  const isDirEvent = event === 'addDir' || event === 'unlinkDir';

  const inTemplates = below(paths.templates, path);
  if (inTemplates) {
    // an image there may be one a template names ({{asset}}): its editions are rebuilt like a template's
    if (isHidden(basename(path)) || (!isDirEvent && !path.endsWith('.hbs') && !isMediaFile(path)))
      return false;
    return (plan.project = true);
  }

  const inContent = below(paths.content, path);
  if (!inContent) return false;
  // an image outside any edition folder (content/_images/, or beside one-article editions) may be used by
  // any edition: every one is rebuilt
  const shared = !isDirEvent && isMediaFile(path) && !isHidden(basename(path));
  if (inContent.some(isHidden)) return shared && (plan.project = true);
  if (inContent.length === 0) return (plan.list = true); // the content folder itself
  const [first, ...rest] = inContent as [string, ...string[]];
  if (rest.length === 0) {
    // a top-level entry: an edition folder, or a one-article edition
    if (isDirEvent || ((event === 'add' || event === 'unlink') && isArticle(first)))
      return (plan.list = true);
    if (event === 'change' && isArticle(first)) return Boolean(plan.slugs.add(first.replace(/\.[^.]+$/, '')));
    return shared && (plan.project = true);
  }
  const name = rest[rest.length - 1]!;
  if (!isDirEvent && !isArticle(name) && !isMediaFile(name)) return false;
  plan.slugs.add(first);
  return true;
}
