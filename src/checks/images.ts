// Every image needs alt text (screen readers, and clients that block images) and a width (Outlook
// renders an image without one at its natural size, breaking the layout).
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';

export const imagesRule: Rule = ({ html, edition }) => {
  const diagnostics: Diagnostic[] = [];
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    const src = /\ssrc="([^"]*)"/i.exec(tag)?.[1] ?? '';
    const file = edition.articles.find((a) => src && (a.image === src || a.html.includes(src)))?.file ?? edition.sources[0];
    if (!/\salt="/i.test(tag)) diagnostics.push(diag('IMAGE_ALT_MISSING', 'error', `image ${src} has no alt attribute`, { file }));
    if (!/\swidth="\d+"/i.test(tag)) diagnostics.push(diag('IMAGE_WIDTH_MISSING', 'warning', `image ${src} has no width attribute`, { file }));
  }
  return diagnostics;
};
