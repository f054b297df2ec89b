#!/usr/bin/env node
// Change-to-reload latency of `newsletter preview`: a temporary copy of the project, the preview server
// started in-process from dist/, an edition page open in headless Chromium; each sample is the time from
// saving an article to the new text showing in the page's email frame (file watcher, debounce, rebuild,
// Server-Sent Event, page reload, frame load: everything a writer waits for).
//
//   node bench/preview-latency.js [--edits 20]     (after `npx tsc -p .`; 2 warm-up edits are not counted)
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO = resolve(import.meta.dirname, '..');
const load = (path) => import(pathToFileURL(join(REPO, 'dist', path)).href);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
const round = (ms) => Math.round(ms * 10) / 10;

/**
 * `warmup` edits go first and are not counted: the first rebuilds after start-up pay for JIT compilation
 * and cold caches, which a writer saving all afternoon does not.
 * @returns {Promise<{ medianMs: number, p95Ms: number, samples: number[], rebuildMedianMs: number }>}
 */
export async function measurePreviewLatency({
  edits = 20,
  warmup = 2,
  slug = '2026-11-field-notes',
  article = '01-one-click-unsubscribe.md',
} = {}) {
  const { startPreview } = await load('preview/server.js');
  const { launchChromium } = await load('preview/browser.js');
  const dir = await mkdtemp(join(tmpdir(), 'newsletter-bench-preview-'));
  let preview;
  let browser;
  try {
    // the sample as the tests keep it (test/fixtures/sample/), not the project's content/
    for (const part of ['content', 'newsletter.config.json'])
      await cp(join(REPO, 'test/fixtures/sample', part), join(dir, part), { recursive: true });
    await cp(join(REPO, 'starters', 'digest'), join(dir, 'templates'), { recursive: true });
    const rebuilds = [];
    const started = await startPreview({
      root: dir,
      port: 0,
      inbox: false,
      onRebuilt: (r) => rebuilds.push(r.ms),
    });
    if (!started.preview)
      throw new Error(`the preview did not start: ${JSON.stringify(started.diagnostics)}`);
    preview = started.preview;
    const launched = await launchChromium();
    if (!launched.browser) throw new Error(`${launched.problem} (${launched.hint})`);
    browser = launched.browser;

    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const frameHas = (text) =>
      document.getElementById('email')?.contentDocument?.body?.innerText.includes(text) ?? false;
    await page.goto(`${preview.url}e/${slug}/`);
    await page.waitForFunction(frameHas, 'Field Notes', { polling: 'raf' });

    const file = join(dir, 'content', slug, article);
    const original = await readFile(file, 'utf8');
    const samples = [];
    for (let i = -warmup; i < edits; i++) {
      if (i === 0) rebuilds.length = 0;
      const marker = `Latency sample ${i + 1} of ${edits}.`;
      const started = performance.now();
      await writeFile(file, `${original.trimEnd()}\n\n${marker}\n`);
      await page.waitForFunction(frameHas, marker, { polling: 'raf', timeout: 15_000 });
      if (i >= 0) samples.push(round(performance.now() - started));
      await new Promise((r) => setTimeout(r, 50)); // let the page settle before the next save
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const builds = [...rebuilds].sort((a, b) => a - b);
    return {
      medianMs: percentile(sorted, 0.5),
      p95Ms: percentile(sorted, 0.95),
      samples,
      rebuildMedianMs: round(percentile(builds, 0.5)),
    };
  } finally {
    await browser?.close();
    await preview?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--edits');
  const edits = at > 0 ? Number(process.argv[at + 1]) : 20;
  const result = await measurePreviewLatency({ edits });
  console.log(
    `preview change-to-reload over ${result.samples.length} edits (after 2 uncounted warm-up edits): median ${result.medianMs} ms, p95 ${result.p95Ms} ms (rebuild alone: median ${result.rebuildMedianMs} ms)`,
  );
  console.log(`samples (ms): ${result.samples.join(', ')}`);
}
