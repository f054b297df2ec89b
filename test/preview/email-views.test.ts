import { describe, expect, it } from 'vitest';
import { emailView } from '../../src/preview/email-views.js';

const email = `<html><head><style>
@media (prefers-color-scheme: dark) { .a { color: #fff; } }
@media ( prefers-color-scheme : light ) and (max-width: 480px) { .b { color: #000; } }
</style></head><body><p>Write @media (prefers-color-scheme: dark) in your CSS.</p></body></html>`;

describe('emailView', () => {
  it('turns the dark scheme on for the dark view, and off for the light one', () => {
    const dark = emailView(email, 'dark');
    expect(dark).toContain('@media (min-width: 0px) { .a');
    expect(dark).toContain('@media (max-width: -1px) and (max-width: 480px)');
    expect(dark).toContain('color-scheme: dark only');
    const light = emailView(email, 'light');
    expect(light).toContain('@media (max-width: -1px) { .a');
    expect(light).toContain('@media (min-width: 0px) and (max-width: 480px)');
  });

  it('rewrites styles only, never the text of the email', () => {
    expect(emailView(email, 'dark')).toContain(
      '<p>Write @media (prefers-color-scheme: dark) in your CSS.</p>',
    );
  });

  it('imitates Gmail by inverting the light design, images turned back', () => {
    const gmail = emailView(email, 'gmail-dark');
    expect(gmail).toContain('@media (max-width: -1px) { .a');
    expect(gmail).toMatch(/:root \{[^}]*filter: invert\(1\) hue-rotate\(180deg\)/);
    expect(gmail).toMatch(/img[^{]*\{ filter: invert\(1\) hue-rotate\(180deg\)/);
  });
});
