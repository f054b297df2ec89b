#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli.ts, compiled to dist/ and bundled into dist/bundle/ by
// `npm run build`, which `npm ci` runs (the prepare script).
import { main } from '../dist/bundle/cli.js';

process.exitCode = await main(process.argv);
