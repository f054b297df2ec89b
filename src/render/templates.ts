// Reads the templates folder: layouts at the top (<name>.mjml.hbs, <name>.txt.hbs), partials in partials/.
// Only these files are ever compiled by Handlebars; article content never is.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { displayPath } from '../content/discover.js';

export type TemplateKind = 'mjml' | 'txt';

export interface TemplateFile {
  /** Layout or partial name: "default", "article". */
  name: string;
  kind: TemplateKind;
  /** Project-relative path, for diagnostics. */
  file: string;
  source: string;
}

export interface TemplateSet {
  layouts: TemplateFile[];
  partials: TemplateFile[];
}

const KIND = /\.(mjml|txt)\.hbs$/;

/** `label` turns a template's absolute path into the name diagnostics show (default: relative to root). */
export async function loadTemplates(
  root: string,
  dir: string,
  label: (path: string) => string = (path) => displayPath(root, path),
): Promise<TemplateSet> {
  const read = async (folder: string): Promise<TemplateFile[]> => {
    let names: string[];
    try {
      names = (await readdir(folder)).filter((n) => KIND.test(n)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && folder !== dir) return [];
      throw error;
    }
    return Promise.all(
      names.map(async (n) => ({
        name: n.replace(KIND, ''),
        kind: KIND.exec(n)![1] as TemplateKind,
        file: label(join(folder, n)),
        source: (await readFile(join(folder, n), 'utf8')).replace(/\r\n?/g, '\n'),
      })),
    );
  };
  const [layouts, partials] = await Promise.all([read(dir), read(join(dir, 'partials'))]);
  return { layouts, partials };
}
