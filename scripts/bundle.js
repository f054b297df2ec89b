#!/usr/bin/env node
// Bundles the compiled CLI (tsc's output in dist/) and the libraries it uses into a few files in
// dist/bundle/, which bin/newsletter.js runs. Node loads one ES module at a time, each with its own
// resolution and file reads: the hundreds that make up the CLI and its libraries cost a build of one
// edition about a sixth of its time. Lazy loading survives: each `import()` of the code becomes a chunk of
// its own, loaded when it is first needed. Run by `npm run build` (and so by `npm ci`).
//
// Left out, and loaded from node_modules as usual:
// - MJML and juice, which the code requires at run time, through mjml-core (library-internals.ts);
// - Chromium's driver, the file watcher and the caniemail data, for preview, screenshot and check only.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'dist/bundle');

await rm(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  // flat: the worker threads' files sit beside the chunks that start them (workers/pool.ts, mjml-thread.ts)
  entryPoints: {
    cli: 'dist/cli.js',
    'edition-worker': 'dist/workers/edition-worker.js',
    'mjml-thread-worker': 'dist/render/fast/mjml-thread-worker.js',
  },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['playwright-core', 'chokidar', '@jsx-email/doiuse-email'],
  // CommonJS libraries in an ES module still call require() for Node's own modules
  banner: {
    js: "import { createRequire as newsletterCreateRequire } from 'node:module'; const require = newsletterCreateRequire(import.meta.url);",
  },
  // the code that runs, for the build cache's key (cache/tool.ts): this folder, not dist/
  define: { NEWSLETTER_CODE_ROOT: '"./"' },
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
});
