// Gmail clips a message whose HTML passes about 102 KB and hides the rest behind "View entire message",
// unsubscribe link included. Warn early, fail at the limit, and say which articles weigh most. A large
// <style> block is its own risk: some clients drop a whole block they find too big.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { layoutFile, locate } from './locate.js';
import type { Rule } from './rule.js';
import { describeSplit, weightSplit } from './size-split.js';

export const SIZE_WARNING_BYTES = 80_000;
export const SIZE_LIMIT_BYTES = 102_000;
export const STYLE_BLOCK_LIMIT_BYTES = 8_192;
/** What a mailing platform's click tracking adds to each link, about: its redirect URL is that much longer. */
export const TRACKED_LINK_BYTES = 60;

export const sizeRule: Rule = (built) => [...htmlSize(built), ...styleBlocks(built)];

const htmlSize: Rule = ({ html, edition }) => {
  const bytes = Buffer.byteLength(html);
  const links = html.match(/<a\b[^>]*\shref="https?:/gi)?.length ?? 0;
  const tracked = bytes + links * TRACKED_LINK_BYTES;
  if (bytes < SIZE_WARNING_BYTES && tracked < SIZE_LIMIT_BYTES) return [];
  const split = weightSplit(html, edition.articles);
  const hint = describeSplit(split);
  const heaviest = [...split.articles].sort((a, b) => b.bytes - a.bytes)[0];
  // the template's file when the template is what weighs
  const file =
    heaviest && heaviest.bytes * 2 >= split.templateBytes
      ? heaviest.file
      : (edition.sources[0] ?? heaviest?.file);
  if (bytes >= SIZE_LIMIT_BYTES)
    return [
      diag(
        'SIZE_CLIPPED',
        'error',
        `the HTML is ${bytes} bytes: Gmail clips messages over ${SIZE_LIMIT_BYTES} bytes`,
        { file },
        hint,
      ),
    ];
  if (tracked >= SIZE_LIMIT_BYTES)
    return [
      diag(
        'SIZE_TRACKING',
        'warning',
        `the HTML is ${bytes} bytes, and ${tracked} once click tracking lengthens its ${links} links (about ${TRACKED_LINK_BYTES} bytes each): over Gmail's clipping limit of ${SIZE_LIMIT_BYTES}`,
        { file },
        `${hint}; or send with click tracking off`,
      ),
    ];
  return [
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
