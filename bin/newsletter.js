#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli.ts, compiled to dist/ by `npm ci` (the prepare script).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv);
