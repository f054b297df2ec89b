#!/usr/bin/env node
// CPU time of slimHtml (src/render/slim-html.ts) per page, as a build's steady state meets pages: the code
// warmed up and the layouts' tags met before, each edition's own tags (its links) new. Over the pages of
// bench/unslimmed-pages.js: every other edition warms up, the others are each slimmed once and timed. With
// --expose-gc, the garbage of making the pages is collected before the timing starts.
// Run `npx tsc -p .` first (it uses dist/).
//
//   node --expose-gc bench/slim.js                 80 synthetic editions per starter
//   node --expose-gc bench/slim.js --archive 200
import { parseArgs } from 'node:util';
import { unslimmedPages } from './unslimmed-pages.js';

const { values } = parseArgs({ options: { archive: { type: 'string', default: '80' } } });
const { slimHtml } = await import('../dist/render/slim-html.js');
const pages = (await unslimmedPages({ archive: Number(values.archive) })).map((page) => page.html);
const warm = pages.filter((_, i) => i % 2 === 0);
const timed = pages.filter((_, i) => i % 2 === 1);
const kb = timed.reduce((sum, html) => sum + html.length, 0) / timed.length / 1024;
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
for (const html of warm) slimHtml(html);
globalThis.gc?.();
const started = cpu();
for (const html of timed) slimHtml(html);
const each = (cpu() - started) / timed.length;
console.log(`${timed.length} pages after ${warm.length} to warm up, ${kb.toFixed(1)} KB on average`);
console.log(`${each.toFixed(3)} ms of CPU a page`);
