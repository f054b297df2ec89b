// A quick run of the benchmark script on a tiny archive, so that it cannot rot: it must run every
// measurement and report each one. The figures themselves are the benchmark's business, never asserted.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../dist/export/registry.js';
import { REPO } from '../helpers/project.js';
// @ts-expect-error a plain JavaScript module of the benchmark
import { rows, table } from '../../bench/report.js';

interface Row {
  id: string;
  label: string;
  value: number | null;
  unit: string;
  baseline?: { label: string; value: number; unit: string };
  ratio?: number;
  p95?: number;
  goal: string;
  met: boolean | null;
}

function bench(
  args: string[],
  script = 'bench/run.js',
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(REPO, script), ...args],
      { cwd: REPO, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** What measureAll (bench/run.js) gives with --edits 0 --large 0: no `preview`, no `large`. */
const WITHOUT_PREVIEW_OR_LARGE = {
  cold: { ms: 2000, peakMb: 120 },
  one: 600,
  mjmlOnly: 2500,
  mjmlReference: 2600,
  react: { ms: 3000, warmMs: 4 },
  unchanged: 200,
  oneChanged: 300,
  sampleBuild: 700,
  mjmlCli: 800,
  exportAll: 1500,
  exportAgain: 900,
  weight: { bytes: 60_000, before: 93_000, reference: 70_000 },
  previewFirst: { bothMs: 400 },
  checkAll: 1800,
};

type Report = { editions: number; cores: number; measurements: Row[] };

// One run of the benchmark for the report and its table: every run, however small, measures every row, and
// a second run only to see the table would cost as much again.
let run: Promise<Report> | undefined;
const smokeRun = () =>
  (run ??= (async () => {
    // --large 6: the large-archive rows on six editions rather than 5000
    const result = await bench(['--editions', '3', '--runs', '1', '--edits', '2', '--large', '6', '--json']);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Report;
  })());

describe('npm run bench (smoke run)', () => {
  it('measures every figure on a tiny archive and prints them as JSON', { timeout: 180_000 }, async () => {
    const report = await smokeRun();
    expect(report.editions).toBe(3);
    expect(report.measurements.map((r) => r.id)).toEqual([
      'cold-build',
      'cold-build-reference',
      'cold-build-react-email',
      'per-edition',
      'per-edition-mjml',
      'rebuild-unchanged',
      'rebuild-one-changed',
      'sample-build',
      'peak-memory',
      'preview-latency',
      'export-all',
      'export-again',
      'html-weight',
      'html-weight-reference',
      'preview-first-page',
      'check-all',
      'cold-build-large',
      'peak-memory-large',
    ]);
    for (const row of report.measurements) {
      expect(Number.isFinite(row.value), `${row.id}: ${JSON.stringify(row)}`).toBe(true);
      expect(typeof row.met).toBe('boolean');
    }
    const byId = Object.fromEntries(report.measurements.map((r) => [r.id, r]));
    for (const id of [
      'cold-build',
      'cold-build-reference',
      'cold-build-react-email',
      'per-edition',
      'per-edition-mjml',
      'sample-build',
      'html-weight',
      'html-weight-reference',
      'check-all',
      'cold-build-large',
    ]) {
      const row = byId[id];
      expect(row.baseline!.value).toBeGreaterThan(0);
      expect(row.ratio).toBeCloseTo(row.value! / row.baseline!.value, 1);
    }
    expect(byId['peak-memory'].value).toBeGreaterThan(0);
    expect(byId['peak-memory-large'].value).toBeGreaterThan(0);
    expect(byId['cold-build-large'].label).toContain('6 editions');
    // the three peers of row 1 are three different runs, each of its own
    expect(byId['cold-build'].baseline!.label).toContain('MJML alone, 3 documents');
    expect(byId['cold-build-reference'].baseline!.label).toContain('reference layout');
    expect(byId['cold-build-react-email'].baseline!.label).toContain('React Email');
    expect(byId['preview-latency'].p95).toBeGreaterThanOrEqual(byId['preview-latency'].value!);
  });

  it('prints a table of the report, saying what was skipped, and refuses bad arguments', async () => {
    // the table of the run above, as `node bench/run.js` prints it without --json
    const report = await smokeRun();
    const printed = table(report);
    expect(printed).toMatch(/^newsletter bench: 3 synthetic editions/);
    expect(printed).toContain('MJML alone, 3 documents');
    expect(printed).toContain('6. preview change-to-reload, 2 edits');
    expect(printed).toContain('11. cold build, 6 editions');
    // and of a run with --edits 0 --large 0 on 2 editions: what it measured (the figures are made up here,
    // they are never asserted), without preview's edits or the large archive
    const skipped = table({
      ...report,
      editions: 2,
      measurements: rows(WITHOUT_PREVIEW_OR_LARGE, { editions: 2, large: 0, platforms: PLATFORMS.length }),
    });
    expect(skipped).toMatch(/^newsletter bench: 2 synthetic editions/);
    expect(skipped).toContain('MJML alone, 2 documents');
    expect(skipped).toContain('6. preview change-to-reload');
    expect(skipped).toContain('skipped (--edits 0)');
    expect(skipped).not.toContain('11. cold build'); // --large 0

    const bad = await bench(['--editions', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('usage: node bench/run.js');
    // a large archive no larger than the archive itself measures nothing
    expect((await bench(['--editions', '4', '--large', '4'])).code).toBe(2);
  });

  it('times each stage of the pipeline (bench/stages.js)', { timeout: 120_000 }, async () => {
    const result = await bench(['--editions', '12'], 'bench/stages.js');
    expect(result.code, result.stderr).toBe(0);
    const stages = [...result.stdout.matchAll(/^ *(\d+\.\d+) ms {2}(.+)$/gm)].map((m) => m[2]);
    expect(stages).toEqual([
      'read the files',
      'front matter, Markdown, sanitising',
      'Handlebars, MJML skeleton + juice, plain text',
      '.eml and the page scan',
      'cheap check rules',
      'output files, in memory',
      'in all',
    ]);
    expect((await bench(['--editions', '3'], 'bench/stages.js')).code).toBe(2);
  });
});
