// A layout written for HTML only (<name>.mjml.hbs without <name>.txt.hbs) still gets a plain-text part:
// the text layout of the starter the templates came from (the folder's default.txt.hbs, else the built-in
// digest starter's), with an info diagnostic saying so. Writers can add their own text layout any time.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_STARTER, starterDir } from '../starters/starters.js';
import type { TemplateFile, TemplateSet } from './templates.js';

export function withTextFallbacks(
  set: TemplateSet,
  builtInLabel: string,
): { templates: TemplateSet; diagnostics: Diagnostic[] } {
  const text = (name: string) => set.layouts.find((l) => l.kind === 'txt' && l.name === name);
  const missing = set.layouts.filter((l) => l.kind === 'mjml' && !text(l.name));
  if (missing.length === 0) return { templates: set, diagnostics: [] };

  const fallback: Omit<TemplateFile, 'name'> = text('default') ?? builtInText(builtInLabel);
  const added = missing.map((l) => ({ ...fallback, name: l.name }));
  return {
    templates: { ...set, layouts: [...set.layouts, ...added] },
    diagnostics: missing.map((l) =>
      diag(
        'TEMPLATE_TEXT_FALLBACK',
        'info',
        `layout "${l.name}" has no ${l.name}.txt.hbs: its plain text uses ${fallback.file}`,
        { file: l.file },
        `write ${l.file.replace(/\.mjml\.hbs$/, '.txt.hbs')} to shape the plain text yourself`,
      ),
    ),
  };
}

function builtInText(label: string): Omit<TemplateFile, 'name'> {
  const path = join(starterDir(DEFAULT_STARTER), 'default.txt.hbs');
  if (!existsSync(path)) throw new Error(`the built-in text layout is missing: ${path}`);
  return { kind: 'txt', file: label, source: readFileSync(path, 'utf8').replace(/\r\n?/g, '\n') };
}
