#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli.ts, compiled to dist/ and bundled into dist/bundle/ by
// `npm run build`, which `npm ci` runs (the prepare script). Without the bundle (after `npm run build:ts`
// alone), tsc's output runs instead: the same code, loaded module by module.
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/bundle/cli.js', import.meta.url);
const { main } = await import(bundle.href).catch((error) => {
  // only the bundle itself missing: a module missing from inside it is a real error
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(`'${fileURLToPath(bundle)}'`))
    return import('../dist/cli.js');
  throw error;
});

process.exitCode = await main(process.argv);
