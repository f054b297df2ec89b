#!/usr/bin/env node
// Markdown to sanitised HTML, both ways, on the benchmark corpus's Markdown (articles and editors' notes):
// written from the tokens (src/content/safe-markdown.ts) against the reference (markdown-it's whole rendering
// read back by sanitize-html). The two run in alternating rounds in one process, so a machine busy with
// something else slows both alike; the figure is the median round of each. Run `npx tsc -p .` first.
//
//   node bench/markdown.js                 200 editions, 9 rounds each
//   node bench/markdown.js --editions 400 --rounds 15
import { parseArgs } from 'node:util';
import { corpusEdition, random } from './corpus.js';

const { values } = parseArgs({
  options: { editions: { type: 'string', default: '200' }, rounds: { type: 'string', default: '9' } },
});
const EDITIONS = Number(values.editions);
const ROUNDS = Number(values.rounds);
if (!(EDITIONS >= 1 && ROUNDS >= 1)) {
  console.error('usage: node bench/markdown.js [--editions N>=1] [--rounds N>=1]');
  process.exit(2);
}

const { renderMarkdown } = await import('../dist/content/markdown.js');
const rand = random(7);
const bodies = [];
for (let index = 0; index < EDITIONS; index++) {
  for (const [name, text] of Object.entries(corpusEdition(index, rand).files))
    if (name.endsWith('.md')) bodies.push(text.replace(/^---\n[\s\S]*?\n---\n/, ''));
}

const round = (path) => {
  const started = performance.now();
  for (const body of bodies) renderMarkdown(body, 'a.md', 1, path);
  return ((performance.now() - started) * 1000) / bodies.length;
};
// warm up both
for (let i = 0; i < 2; i++) {
  round('tokens');
  round('reference');
}
const times = { tokens: [], reference: [] };
for (let i = 0; i < ROUNDS; i++) {
  times.tokens.push(round('tokens'));
  times.reference.push(round('reference'));
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const tokens = median(times.tokens);
const reference = median(times.reference);
console.log(
  `Markdown to sanitised HTML, ${bodies.length} documents, median of ${ROUNDS} alternating rounds:`,
);
console.log(
  `${reference.toFixed(1).padStart(7)} µs a document  reference (whole HTML through sanitize-html)`,
);
console.log(`${tokens.toFixed(1).padStart(7)} µs a document  written from the tokens`);
console.log(`${(tokens / reference).toFixed(2).padStart(7)}  ratio`);
