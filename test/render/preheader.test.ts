import { describe, expect, it } from 'vitest';
import { PREHEADER_SPACE, preheaderSpacing } from '../../src/render/preheader.js';

describe('the invisible spacing after a preheader', () => {
  it('fills up to about 150 characters with no-break spaces and combining grapheme joiners', () => {
    const preheader = 'Three practical pieces on headers, the text part and size.';
    const spacing = preheaderSpacing(preheader);
    expect(spacing).toMatch(/^(\u00A0\u034F)+$/);
    expect([...preheader].length + [...spacing].length).toBeGreaterThanOrEqual(PREHEADER_SPACE);
    expect([...preheader].length + [...spacing].length).toBeLessThanOrEqual(PREHEADER_SPACE + 1);
  });

  it('adds nothing after a preheader that fills the space on its own', () => {
    expect(preheaderSpacing('x'.repeat(150))).toBe('');
  });
});
