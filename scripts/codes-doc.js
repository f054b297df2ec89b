#!/usr/bin/env node
// Regenerates the table of diagnostic codes in docs/codes.md from src/diagnostics/codes.ts (via dist/).
// Run `npm run docs` after adding a code; test/diagnostics/codes.test.ts fails while the page lags.
import { readFileSync, writeFileSync } from 'node:fs';
import { CODES } from '../dist/diagnostics/codes.js';

const START = '<!-- codes:start -->';
const END = '<!-- codes:end -->';

export function codesTable() {
  const rows = Object.entries(CODES).map(
    ([code, description]) => `| \`${code}\` | ${description.replace(/\|/g, '\\|')} |`,
  );
  return [START, '| code | meaning |', '|---|---|', ...rows, END].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const page = new URL('../docs/codes.md', import.meta.url);
  const text = readFileSync(page, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`docs/codes.md needs ${START} and ${END} markers`);
  writeFileSync(page, text.slice(0, start) + codesTable() + text.slice(end + END.length));
}
