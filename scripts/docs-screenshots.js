#!/usr/bin/env node
// Takes the README's screenshots again: the sample edition as a reader sees it, and the preview showing
// it, both from the sample the tests keep (test/fixtures/sample/), in the Chromium installed on the
// machine. Run `npm run build` first (it uses dist/).
//
//   node scripts/docs-screenshots.js        writes docs/media/edition.png and docs/media/preview.png
/* global document -- the waitForFunction callback runs in the page */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO = resolve(import.meta.dirname, '..');
const MEDIA = join(REPO, 'docs/media');
const SLUG = '2026-11-field-notes';
const load = (path) => import(pathToFileURL(join(REPO, 'dist', path)).href);

const { startPreview } = await load('preview/server.js');
const { launchChromium } = await load('preview/browser.js');
const { build } = await load('build.js');

const dir = await mkdtemp(join(tmpdir(), 'newsletter-screenshots-'));
let preview;
let browser;
try {
  await cp(join(REPO, 'starters', 'digest'), join(dir, 'templates'), { recursive: true });
  for (const part of ['content', 'newsletter.config.json'])
    await cp(join(REPO, 'test/fixtures/sample', part), join(dir, part), { recursive: true });
  const built = await build({ root: dir });
  if (!built.editions.every((e) => e.ok)) throw new Error('the sample did not build');

  const launched = await launchChromium();
  if (!launched.browser) throw new Error(`${launched.problem} (${launched.hint})`);
  browser = launched.browser;
  // small files: one device pixel per CSS pixel, the top of each page only
  const edition = await browser.newPage({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 1 });
  await edition.goto(pathToFileURL(join(dir, 'out', SLUG, 'index.html')).href);
  await edition.screenshot({ path: join(MEDIA, 'edition.png') });

  const started = await startPreview({ root: dir, port: 0, inbox: false });
  if (!started.preview) throw new Error(`the preview did not start: ${JSON.stringify(started.diagnostics)}`);
  preview = started.preview;
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  await page.goto(`${preview.url}e/${SLUG}/`);
  await page.waitForFunction(
    () => document.getElementById('email')?.contentDocument?.body?.innerText.includes('Field Notes'),
    undefined,
    { polling: 'raf' },
  );
  await page.screenshot({ path: join(MEDIA, 'preview.png') });
  console.log(`${join(MEDIA, 'edition.png')}\n${join(MEDIA, 'preview.png')}`);
} finally {
  await browser?.close();
  await preview?.close();
  await rm(dir, { recursive: true, force: true });
}
