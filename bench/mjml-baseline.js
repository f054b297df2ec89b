// The baseline: a fresh process that loads MJML and compiles a build's MJML documents one after another,
// with the options newsletter's own compile uses (src/render/mjml.ts). Nothing else: no content, no
// templates, no writing.
//
//   node bench/mjml-baseline.js <folder>     compiles the MJML in <folder>/*.json (what build keeps of each edition)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2];
const documents = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')).mjml);
const { default: mjml2html } = await import('mjml');
for (const mjml of documents) {
  const result = await mjml2html(mjml, {
    validationLevel: 'soft',
    keepComments: false,
    ignoreIncludes: true,
    fonts: {},
    beautify: false,
    minify: false,
  });
  if (!result.html) throw new Error('MJML produced no HTML');
}
