// The baseline: a fresh process that loads MJML and compiles MJML documents one after another, with the
// options newsletter's own compile uses (src/render/mjml-options.ts). Nothing else: no content, no templates, no
// writing.
//
//   node bench/mjml-baseline.js <folder>     compiles <folder>/*.mjml, and the MJML in <folder>/*.json (what
//                                            build keeps of each edition)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// newsletter's own options, as it compiles (the built code: run `npm run build` first, as `npm run bench` does)
import { MJML_OPTIONS } from '../dist/render/mjml-options.js';

const folder = process.argv[2];
const documents = readdirSync(folder)
  .filter((name) => name.endsWith('.json') || name.endsWith('.mjml'))
  .sort()
  .map((name) => {
    const text = readFileSync(join(folder, name), 'utf8');
    return name.endsWith('.mjml') ? text : JSON.parse(text).mjml;
  });
if (documents.length === 0) throw new Error(`no MJML documents in ${folder}`);
const { default: mjml2html } = await import('mjml');
for (const mjml of documents) {
  const result = await mjml2html(mjml, MJML_OPTIONS);
  if (!result.html) throw new Error('MJML produced no HTML');
}
