#!/usr/bin/env node
// `npm run bench`: how fast newsletter builds, measured against MJML alone in the same run, on a synthetic
// archive generated in a temporary folder (seeded: the same corpus every time). Prints a table, or JSON
// with --json. Every CLI run is a fresh process, as a writer or CI would start it.
//
//   npm run bench                        compiles (tsc), then: node bench/run.js
//   node bench/run.js --editions 200     a smaller archive
//   node bench/run.js --json --runs 5    JSON; the median of 5 runs of each measurement (but preview's)
//   node bench/run.js --edits 0          skip the preview latency (it needs Chromium)
//   node bench/run.js --large 0          skip the 5000-edition build (--large N: another size)
import { spawn } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { baselineEditions } from './baseline-editions.js';
import { writeCorpus } from './corpus.js';
import { measurePreviewFirstPage } from './preview-first-page.js';
import { referenceMjml } from './reference-layout.js';
import { PLATFORMS } from '../dist/export/registry.js';
import { MJML_OPTIONS } from '../dist/render/mjml-options.js';
import { rows, table } from './report.js';
import { WEIGHT_SLUG, writeWeightFixture } from './weight-fixture.js';

const REPO = resolve(import.meta.dirname, '..');
const MEASURE_CLI = join(REPO, 'bench/measure-cli.js');
const SAMPLE_PROJECT = join(REPO, 'test/fixtures/sample');
const MJML_BASELINE = join(REPO, 'bench/mjml-baseline.js');
const REACT_EMAIL_BASELINE = join(REPO, 'bench/react-email-baseline.js');
const MJML_CLI = join(REPO, 'node_modules/mjml/bin/mjml');
const SAMPLE = '2026-11-field-notes';
const PLATFORM_COUNT = PLATFORMS.length;
// The weight fixture's page as it was built before the HTML was slimmed (the pixel test renders it too)
const UNSLIMMED = join(REPO, 'test/fixtures/unslimmed', `${WEIGHT_SLUG}.html`);

const USAGE =
  'usage: node bench/run.js [--editions N>=2] [--runs N>=1] [--edits N>=0] [--large N>editions, or 0] [--json] [--keep]';
let options;
try {
  ({ values: options } = parseArgs({
    options: {
      editions: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '3' },
      edits: { type: 'string', default: '20' },
      large: { type: 'string' },
      json: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  console.error(`bench: ${error.message}\n${USAGE}`);
  process.exit(2);
}
const EDITIONS = Number(options.editions);
const RUNS = Number(options.runs);
const EDITS = Number(options.edits);
// by default 5000 editions, unless the archive itself is that large already
const LARGE = Number(options.large ?? (EDITIONS < 5000 ? 5000 : 0));
if (!(EDITIONS >= 2 && RUNS >= 1 && EDITS >= 0 && (LARGE === 0 || LARGE > EDITIONS))) {
  console.error(USAGE);
  process.exit(2);
}

const progress = (text) => process.stderr.write(`bench: ${text}\n`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** Runs a command to completion; returns its wall time in ms. Any failure stops the benchmark (an exit
 *  code outside `accepted`: `check` exits 1 when it finds errors, which is a result, not a failure). */
function timed(args, cwd, accepted = [0]) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (accepted.includes(code)) resolvePromise(ms);
      else
        reject(
          new Error(
            `${args.map((a) => a.replace(REPO, '.')).join(' ')} exited ${code} in ${cwd}\n${stderr.slice(-2000)}`,
          ),
        );
    });
  });
}

/** A newsletter command in `dir`; returns its wall time (ms) and peak memory (MB). */
async function newsletter(dir, ...args) {
  const peakFile = join(dir, '.peak-rss');
  const ms = await timed([MEASURE_CLI, peakFile, ...args], dir, args[0] === 'check' ? [0, 1] : [0]);
  return { ms, peakMb: Number(await readFile(peakFile, 'utf8')) / 1024 };
}

async function project(dir, editions) {
  // the sample's identity and, for the one-edition-set measure, its content: the copies the tests own, never
  // the project's content/, which a writer replaces
  await cp(join(REPO, 'starters', 'digest'), join(dir, 'templates'), { recursive: true });
  await cp(join(SAMPLE_PROJECT, 'newsletter.config.json'), join(dir, 'newsletter.config.json'));
  if (editions === undefined)
    await cp(join(SAMPLE_PROJECT, 'content'), join(dir, 'content'), { recursive: true });
  else await writeCorpus(join(dir, 'content'), editions);
  return dir;
}

// A cold build starts with no out/ folder. The last one is moved aside, not deleted, until the end of the
// run: on a file system without a journal (ext4 as these machines mount it), creating files right after
// thousands were deleted costs several times more, as the kernel skips over the recently freed inodes, and
// the benchmark would measure its own clean-up.
let setAside = 0;
async function coldBuild(dir, ...args) {
  await rename(join(dir, 'out'), join(dir, '..', `old-out-${setAside++}`)).catch((error) => {
    if (error.code !== 'ENOENT') throw error;
  });
  return newsletter(dir, 'build', ...args);
}

async function repeat(times, measure) {
  const samples = [];
  for (let i = 0; i < times; i++) samples.push(await measure(i));
  return median(samples);
}

async function measureAll(work) {
  const archive = await project(join(work, 'archive'), EDITIONS);
  const single = await project(join(work, 'single'), 1);
  const sample = await project(join(work, 'sample'));

  // the peers' input, read before anything is timed: the same articles, as newsletter reads them
  progress(`the peers' input: the ${EDITIONS} editions' articles, and MJML's reference layout holding them`);
  const peers = await preparePeers(archive, join(work, 'peers'));

  // in turns, so that a slower spell of a shared machine weighs on both sides of the ratios alike
  progress(
    `cold build of ${EDITIONS} editions, MJML alone on the same documents and on the reference layout, React Email, check: in turns (median of ${RUNS} each)`,
  );
  const colds = [];
  const mjmlRuns = [];
  const referenceRuns = [];
  const reactRuns = [];
  // every rule on every edition, writing nothing (row 10): in the same turns as the cold builds it is
  // measured against, so that a slow spell of a shared machine does not land on one side alone
  const checkRuns = [];
  for (let run = 0; run < RUNS; run++) {
    colds.push(await coldBuild(archive));
    mjmlRuns.push(await timed([MJML_BASELINE, join(archive, 'out/.newsletter/editions')], archive));
    referenceRuns.push(await timed([MJML_BASELINE, peers.reference], archive));
    reactRuns.push(await reactEmail(peers, join(work, `react-email-out-${run}`)));
    checkRuns.push((await newsletter(archive, 'check')).ms);
  }
  const checkAll = median(checkRuns);
  const cold = { ms: median(colds.map((c) => c.ms)), peakMb: Math.max(...colds.map((c) => c.peakMb)) };
  const mjmlOnly = median(mjmlRuns);
  const mjmlReference = median(referenceRuns);
  const react = {
    ms: median(reactRuns.map((r) => r.ms)),
    warmMs: median(reactRuns.map((r) => r.warmMsPerEdition)),
  };

  progress(`cold build of 1 edition (median of ${RUNS})`);
  const one = await repeat(RUNS, async () => (await coldBuild(single)).ms);

  progress(`rebuild of ${EDITIONS}, nothing changed (median of ${RUNS})`);
  const unchanged = await repeat(RUNS, async () => (await newsletter(archive, 'build')).ms);
  const slugs = (await readdir(join(archive, 'content'))).sort();
  const changedDir = join(archive, 'content', slugs[Math.floor(slugs.length / 2)]);
  const article = (await readdir(changedDir)).sort().find((name) => name.startsWith('01-'));
  progress(`rebuild of ${EDITIONS}, one article changed (median of ${RUNS})`);
  const oneChanged = await repeat(RUNS, async (run) => {
    await appendFile(join(changedDir, article), `\nOne more sentence for run ${run + 1}.\n`);
    return (await newsletter(archive, 'build')).ms;
  });

  progress(`cold build of the sample edition and the mjml CLI on its MJML (median of ${RUNS})`);
  const sampleBuild = await repeat(RUNS, async () => (await coldBuild(sample, SAMPLE)).ms);
  const sampleMjml = join(work, `${SAMPLE}.mjml`);
  await writeFile(
    sampleMjml,
    JSON.parse(await readFile(join(sample, 'out/.newsletter/editions', `${SAMPLE}.json`), 'utf8')).mjml,
  );
  const mjmlCli = await repeat(RUNS, () =>
    timed([MJML_CLI, sampleMjml, '-o', join(work, 'sample-cli.html')], sample),
  );

  // every edition for every platform, in one process, from the build just made: first into no export
  // folders (the last run's are set aside, as cold builds set out/ aside), then again over its own output
  progress(`export of ${EDITIONS} editions for every platform, fresh and again (median of ${RUNS} each)`);
  const exportAll = await repeat(RUNS, async (run) => {
    const aside = join(work, `old-exports-${run}`);
    await mkdir(aside);
    for (const slug of slugs)
      await rename(join(archive, 'out', slug, 'export'), join(aside, slug)).catch((error) => {
        if (error.code !== 'ENOENT') throw error;
      });
    return (await newsletter(archive, 'export', '--all')).ms;
  });
  const exportAgain = await repeat(RUNS, async () => (await newsletter(archive, 'export', '--all')).ms);
  progress('HTML weight of the 8-article digest fixture');
  const weightDir = join(work, 'weight');
  await cp(join(REPO, 'starters', 'digest'), join(weightDir, 'templates'), { recursive: true });
  await writeWeightFixture(join(weightDir, 'content'));
  await newsletter(weightDir, 'build');
  // as the manifest records it
  const manifest = JSON.parse(await readFile(join(weightDir, 'out', WEIGHT_SLUG, 'manifest.json'), 'utf8'));
  const weight = {
    bytes: manifest.files['index.html'].bytes,
    before: (await readFile(UNSLIMMED)).length,
    reference: await referenceWeight(weightDir),
  };

  // with the kept output of the builds above current, as after a writer's `newsletter build`
  progress(`preview's first page on ${EDITIONS} editions (median of ${RUNS} starts)`);
  const previewFirst = await measurePreviewFirstPage(archive, RUNS);

  let preview;
  if (EDITS > 0) {
    progress(`preview change-to-reload over ${EDITS} edits`);
    const { measurePreviewLatency } = await import('./preview-latency.js').catch(() => ({}));
    preview = measurePreviewLatency
      ? await measurePreviewLatency({ edits: EDITS }).catch((error) => ({ error: error.message }))
      : { error: 'pending: bench/preview-latency.js is not there' };
  }
  // one run, not --runs: it lasts as long as five of row 1's, and a short slow spell weighs less on it
  let large;
  if (LARGE > 0) {
    progress(`cold build of ${LARGE} editions (writing the archive, then one run)`);
    large = await coldBuild(await project(join(work, 'archive-large'), LARGE));
  }
  return {
    cold,
    mjmlOnly,
    mjmlReference,
    react,
    large,
    one,
    unchanged,
    oneChanged,
    sampleBuild,
    mjmlCli,
    exportAll,
    exportAgain,
    preview,
    weight,
    previewFirst,
    checkAll,
  };
}

/** Writes the peers' input into `folder`: editions.json for React Email, and in reference/ each edition in
 *  MJML's reference newsletter layout, for MJML alone. */
async function preparePeers(root, folder) {
  const data = await baselineEditions(root);
  const reference = join(folder, 'reference');
  await mkdir(reference, { recursive: true });
  for (const edition of data.editions)
    await writeFile(join(reference, `${edition.slug}.mjml`), referenceMjml(edition, data));
  const editions = join(folder, 'editions.json');
  await writeFile(editions, JSON.stringify(data));
  return { reference, editions };
}

/** React Email in a fresh process, writing into `out` (a new folder each run); its wall time and warm cost. */
async function reactEmail(peers, out) {
  const resultFile = `${out}.json`;
  const ms = await timed([REACT_EMAIL_BASELINE, peers.editions, out, resultFile], REPO);
  return { ms, ...JSON.parse(await readFile(resultFile, 'utf8')) };
}

/** The bytes of the HTML MJML compiles from the weight fixture's articles in the reference layout. */
async function referenceWeight(root) {
  const data = await baselineEditions(root);
  const edition = data.editions.find((e) => e.slug === WEIGHT_SLUG);
  const { default: mjml2html } = await import('mjml');
  const { html, errors } = await mjml2html(referenceMjml(edition, data), MJML_OPTIONS);
  if (errors.length > 0)
    throw new Error(`the reference layout has MJML errors: ${errors[0].formattedMessage}`);
  return Buffer.byteLength(html);
}

const work = await mkdtemp(join(tmpdir(), 'newsletter-bench-'));
try {
  const measured = await measureAll(work);
  const report = {
    editions: EDITIONS,
    cores: availableParallelism(),
    node: process.version,
    runs: RUNS,
    measurements: rows(measured, { editions: EDITIONS, large: LARGE, platforms: PLATFORM_COUNT }),
  };
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${table(report)}\n`);
} finally {
  if (options.keep) progress(`kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
