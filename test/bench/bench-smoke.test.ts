// A quick run of the benchmark script on a tiny archive, so that it cannot rot: it must run every
// measurement and report each one. The figures themselves are the benchmark's business, never asserted.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';

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

describe('npm run bench (smoke run)', () => {
  it('measures every figure on a tiny archive and prints them as JSON', { timeout: 180_000 }, async () => {
    // --large 6: the large-archive rows on six editions rather than 5000
    const result = await bench(['--editions', '3', '--runs', '1', '--edits', '2', '--large', '6', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { editions: number; cores: number; measurements: Row[] };
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

  it('prints a table by default, and refuses bad arguments', { timeout: 180_000 }, async () => {
    const result = await bench(['--editions', '2', '--runs', '1', '--edits', '0', '--large', '0']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^newsletter bench: 2 synthetic editions/);
    expect(result.stdout).toContain('MJML alone, 2 documents');
    expect(result.stdout).toContain('6. preview change-to-reload');
    expect(result.stdout).toContain('skipped (--edits 0)');
    expect(result.stdout).not.toContain('11. cold build'); // --large 0

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
