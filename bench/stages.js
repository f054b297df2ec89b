#!/usr/bin/env node
// Where a build's time goes, stage by stage, per edition, in this one thread: the figures behind the
// README's "where the time goes". Generates the benchmark's synthetic archive in a temporary folder, runs
// each edition through the pipeline of src/build.ts without writing, warms up, then times every stage.
// Run `npx tsc -p .` first (it uses dist/).
//
//   node bench/stages.js                  200 editions
//   node bench/stages.js --editions 500
//   node bench/stages.js --profile out.cpuprofile   also writes a CPU profile of the timed editions only
//   node bench/stages.js --check          check's own rules too, each rule apart
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.js';

const REPO = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    editions: { type: 'string', default: '200' },
    profile: { type: 'string' },
    check: { type: 'boolean', default: false },
  },
});
const EDITIONS = Number(values.editions);
if (!(EDITIONS >= 10)) {
  console.error('usage: node bench/stages.js [--editions N>=10]');
  process.exit(2);
}

const { loadProject } = await import('../dist/project.js');
const stages = await import('../dist/workers/stages.js');
const { inlineCounts } = await import('../dist/render/fast/inline-css.js');
const { holeCounts } = await import('../dist/render/fast/inline-holes.js');
const { textCounts } = await import('../dist/render/fast/skeleton-compile.js');
const { markdownCounts } = await import('../dist/content/safe-markdown.js');
// --check: check's own rules too, each timed apart (what `check` adds to a build, in its finish worker)
const checks = values.check
  ? {
      ...(await import('../dist/checks/run-checks.js')),
      ...(await import('../dist/checks/accessibility.js')),
      ...(await import('../dist/checks/contrast.js')),
      ...(await import('../dist/checks/language.js')),
      ...(await import('../dist/checks/client-support.js')),
    }
  : undefined;
if (checks) await checks.loadCheckLibraries();

const work = await mkdtemp(join(tmpdir(), 'newsletter-stages-'));
try {
  await cp(join(REPO, 'starters', 'digest'), join(work, 'templates'), { recursive: true });
  await cp(join(REPO, 'test/fixtures/sample/newsletter.config.json'), join(work, 'newsletter.config.json'));
  await writeCorpus(join(work, 'content'), EDITIONS);
  const { project } = await loadProject({ root: work });
  const totals = new Map();

  async function run(entry, timed) {
    let last = performance.now();
    const lap = (stage) => {
      const now = performance.now();
      if (timed) totals.set(stage, (totals.get(stage) ?? 0) + now - last);
      last = now;
    };
    const source = await stages.readEdition(project.paths.root, entry);
    lap('read the files');
    const assembled = await stages.assembleEdition(source, project.config);
    const edition = stages.trackEdition(assembled.edition, project.config);
    lap('front matter, Markdown, sanitising');
    const render = await stages.renderEdition(edition, project.config, project.engine, project.templates);
    lap('Handlebars, MJML skeleton + juice, plain text');
    const built = await stages.builtEdition({
      edition,
      config: project.config,
      ...render.rendered,
      sources: stages.sourceTexts(source, project),
    });
    lap('.eml and the page scan');
    const diagnostics = stages.runRules(stages.CHEAP_RULES, built);
    lap('cheap check rules');
    await stages.editionOutput(
      project.paths.out,
      edition,
      project.config,
      render.rendered,
      diagnostics,
      built,
    );
    lap('output files, in memory');
    if (!checks) return;
    void built.dom;
    lap('check: the page as a tree');
    checks.accessibilityRule(built);
    lap('check: accessibility');
    checks.contrastRule(built);
    lap('check: contrast');
    checks.directionRule(built);
    lap('check: direction');
    await checks.clientSupport(built, checks.DEFAULT_CLIENTS);
    lap('check: client support');
  }

  const warmup = Math.min(30, Math.floor(EDITIONS / 4));
  for (const entry of project.editions.slice(0, warmup)) await run(entry, false);
  const measured = project.editions.slice(warmup);
  const session = values.profile ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const started = performance.now();
  for (const entry of measured) await run(entry, true);
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(values.profile, JSON.stringify(profile));
  }
  const perEdition = (ms) => (ms / measured.length).toFixed(2).padStart(6);
  console.log(
    `per edition, ${measured.length} editions after ${warmup} to warm up, one thread, nothing written:`,
  );
  for (const [stage, ms] of totals) console.log(`${perEdition(ms)} ms  ${stage}`);
  console.log(`${perEdition(performance.now() - started)} ms  in all`);
  console.log(
    `inline CSS: ${holeCounts.pages} pages styled by their holes only (src/render/fast/inline-holes.ts), ${inlineCounts.signatures} whole pages from signatures, ${inlineCounts.juice} by juice (src/render/fast/inline-css.ts)`,
  );
  console.log(
    `MJML skeletons: ${textCounts.text} split from their text (src/render/fast/skeleton-text.ts), ${textCounts.parsed} parsed`,
  );
  console.log(
    `Markdown: ${markdownCounts.written} blocks written from their tokens, ${markdownCounts.sanitised} through sanitize-html, ${markdownCounts.whole} documents sanitised whole (src/content/safe-markdown.ts)`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
