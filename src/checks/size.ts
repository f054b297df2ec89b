// Gmail clips a message whose HTML passes about 102 KB and hides the rest behind "View entire message",
// unsubscribe link included. Warn early, fail at the limit, and say which articles weigh most. A large
// <style> block is its own risk: some clients drop a whole block they find too big.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { layoutFile, locate } from './locate.js';
import type { Rule } from './rule.js';

export const SIZE_WARNING_BYTES = 80_000;
export const SIZE_LIMIT_BYTES = 102_000;
export const STYLE_BLOCK_LIMIT_BYTES = 8_192;

export const sizeRule: Rule = (built) => [...htmlSize(built), ...styleBlocks(built)];

const htmlSize: Rule = ({ html, edition }) => {
  const bytes = Buffer.byteLength(html);
  if (bytes < SIZE_WARNING_BYTES) return [];
  const heaviest = [...edition.articles]
    .map((a) => ({ file: a.file, bytes: Buffer.byteLength(a.html) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3);
  const hint = `heaviest articles: ${heaviest.map((a) => `${a.file} (${Math.round(a.bytes / 1000)} KB)`).join(', ')}`;
  const file = heaviest[0]?.file ?? edition.sources[0];
  return bytes >= SIZE_LIMIT_BYTES
    ? [
        diag(
          'SIZE_CLIPPED',
          'error',
          `the HTML is ${bytes} bytes: Gmail clips messages over ${SIZE_LIMIT_BYTES} bytes`,
          { file },
          hint,
        ),
      ]
    : [
        diag(
          'SIZE_WARNING',
          'warning',
          `the HTML is ${bytes} bytes, near Gmail's clipping limit of ${SIZE_LIMIT_BYTES}`,
          { file },
          hint,
        ),
      ];
};

const styleBlocks: Rule = (built) => {
  const diagnostics: Diagnostic[] = [];
  for (const css of built.page.styles) {
    const bytes = Buffer.byteLength(css);
    if (bytes <= STYLE_BLOCK_LIMIT_BYTES) continue;
    const firstRule = /[^{}\s][^{}]*\{/.exec(css)?.[0].slice(0, -1).trim();
    diagnostics.push(
      diag(
        'STYLE_TOO_LARGE',
        'warning',
        `a <style> block is ${bytes} bytes (over ${STYLE_BLOCK_LIMIT_BYTES})`,
        locate(built, firstRule, layoutFile(built)),
        'move rules that only restate inline styles out of mj-style, or split the block',
      ),
    );
  }
  return diagnostics;
};
