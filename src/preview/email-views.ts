// The email as the frame shows it in each view. A frame's prefers-color-scheme follows the viewer's
// system setting, which the page cannot change; so the views pin the scheme in the HTML itself:
// the media feature becomes always-true or always-false, and color-scheme is fixed to match.

export const EMAIL_VIEWS = ['light', 'dark', 'gmail-dark'] as const;
export type EmailView = (typeof EMAIL_VIEWS)[number];

export const isEmailView = (name: string): name is EmailView =>
  (EMAIL_VIEWS as readonly string[]).includes(name);

const SCHEME_FEATURE = /\(\s*prefers-color-scheme\s*:\s*(light|dark)\s*\)/gi;
const ALWAYS = '(min-width: 0px)';
const NEVER = '(max-width: -1px)';

/** Pins prefers-color-scheme inside the email's <style> blocks (never in its text: only style elements are rewritten). */
function pinScheme(html: string, scheme: 'light' | 'dark'): string {
  return html.replace(
    /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi,
    (_, open: string, css: string, close: string) =>
      `${open}${css.replace(SCHEME_FEATURE, (__, wanted: string) => (wanted.toLowerCase() === scheme ? ALWAYS : NEVER))}${close}`,
  );
}

function addStyle(html: string, css: string): string {
  const style = `<style data-preview>${css}</style>`;
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${style}</head>`) : `${style}${html}`;
}

/**
 * - light: the email as a light-mode client shows it.
 * - dark: the email's own prefers-color-scheme: dark styles, as Apple Mail or Outlook for Mac apply them.
 * - gmail-dark: Gmail's apps ignore those styles and invert the light design themselves (images kept);
 *   inverting the page and turning hue back by 180° imitates it closely enough to spot unreadable colours.
 */
export function emailView(html: string, view: EmailView): string {
  switch (view) {
    case 'light':
      return addStyle(pinScheme(html, 'light'), ':root { color-scheme: light only; }');
    case 'dark':
      return addStyle(pinScheme(html, 'dark'), ':root { color-scheme: dark only; }');
    case 'gmail-dark':
      return addStyle(
        pinScheme(html, 'light'),
        ':root { color-scheme: light only; background: #fff; filter: invert(1) hue-rotate(180deg); } img, picture, video { filter: invert(1) hue-rotate(180deg); }',
      );
  }
}
