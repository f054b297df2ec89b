#!/usr/bin/env node
// Rows 3a and 3b of the benchmark alone, with CPU times: builds an archive once, then times fresh
// `build` processes with nothing changed (3a) and after a line is appended to one article (3b).
//
//   node bench/rebuild.js [--editions 1000] [--runs 7] [--dir FOLDER] [--cli bin/newsletter.js ...]
//
// --dir keeps the archive between runs (it is made there when missing). Several --cli are measured in
// turns, each in a copy of the archive of its own (a version's cache is not another's), so that a busy
// spell of a shared machine weighs on them alike.
import { spawn } from 'node:child_process';
import { writeSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.js';

const REPO = resolve(import.meta.dirname, '..');
const { values: options, positionals } = parseArgs({
  options: {
    editions: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '7' },
    dir: { type: 'string' },
    cli: { type: 'string', multiple: true },
    child: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const EDITIONS = Number(options.editions);
const RUNS = Number(options.runs);
const CLIS = (options.child ? positionals : (options.cli ?? [join(REPO, 'bin/newsletter.js')])).map((cli) =>
  resolve(cli),
);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const progress = (text) => process.stderr.write(`rebuild: ${text}\n`);

/** One `build` in a fresh process: wall time, and the CPU time (user + system, all threads) it reports on exit. */
function build(cli, cwd) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [import.meta.filename, '--child', cli], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600' },
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let cpu = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdio[3].on('data', (chunk) => (cpu += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = performance.now() - started;
      if (code !== 0) return reject(new Error(`${cli} build exited ${code}\n${stderr.slice(-2000)}`));
      resolvePromise({ wall, cpu: Number(cpu) });
    });
  });
}

// the child: runs the CLI as its launcher would, and writes its CPU time in ms to file descriptor 3 on exit
if (options.child) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeSync(3, String((user + system) / 1000));
  });
  process.argv = [process.argv[0], CLIS[0], 'build'];
  await import(pathToFileURL(CLIS[0]).href);
}

async function archiveFor(base) {
  const dir = join(base, 'source');
  if (await stat(join(dir, 'content')).catch(() => undefined)) return dir;
  progress(`writing ${EDITIONS} editions in ${dir}`);
  await mkdir(dir, { recursive: true });
  await cp(join(REPO, 'starters', 'digest'), join(dir, 'templates'), { recursive: true });
  await cp(join(REPO, 'test/fixtures/sample/newsletter.config.json'), join(dir, 'newsletter.config.json'));
  await writeCorpus(join(dir, 'content'), EDITIONS);
  return dir;
}

if (!options.child) await measure();

async function measure() {
  const base = options.dir ? resolve(options.dir) : await mkdtemp(join(tmpdir(), 'newsletter-rebuild-'));
  const source = await archiveFor(base);
  const copies = [];
  for (const [i, cli] of CLIS.entries()) {
    const dir = join(base, `cli-${i}`);
    if (!(await stat(dir).catch(() => undefined))) await cp(source, dir, { recursive: true });
    progress(`first build with ${cli}`);
    await build(cli, dir); // a cold build, or one that brings the kept out/ up to date
    await build(cli, dir);
    const slugs = (await readdir(join(dir, 'content'))).sort();
    const folder = join(dir, 'content', slugs[Math.floor(slugs.length / 2)]);
    const article = (await readdir(folder)).sort().find((name) => name.startsWith('01-'));
    copies.push({ cli, dir, article: join(folder, article), a: [], b: [] });
  }
  for (let run = 0; run < RUNS; run++) {
    for (const copy of copies) copy.a.push(await build(copy.cli, copy.dir));
    for (const copy of copies) {
      await appendFile(copy.article, `\nOne more sentence for run ${run + 1}.\n`);
      copy.b.push(await build(copy.cli, copy.dir));
    }
  }
  const ms = (values) => `${(median(values) / 1000).toFixed(3)} s`;
  const range = (values) =>
    `${(Math.min(...values) / 1000).toFixed(3)}-${(Math.max(...values) / 1000).toFixed(3)}`;
  for (const copy of copies) {
    console.log(copy.cli.replace(REPO + '/', ''));
    for (const [row, samples] of [
      ['3a nothing changed', copy.a],
      ['3b one article changed', copy.b],
    ]) {
      const walls = samples.map((s) => s.wall);
      const cpus = samples.map((s) => s.cpu);
      console.log(
        `  ${row.padEnd(24)} wall ${ms(walls)} (${range(walls)})  cpu ${ms(cpus)} (${range(cpus)})  runs ${RUNS}`,
      );
    }
  }
}
