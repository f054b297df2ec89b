// Images as a reader gets them: with alt text that says something (screen readers, and every client that
// blocks images by default), with width and height (Outlook draws an image without a width at its natural
// size; without a height the blocked-image box collapses), and from an https address an inbox can fetch.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { hasScheme } from '../content/urls.js';
import { locate } from './locate.js';
import type { PageImage } from './page.js';
import type { Rule } from './rule.js';

/** Alt texts that describe nothing. */
const GENERIC_ALT =
  /^(image|img|picture|pic|photo|photograph|graphic|icon|logo|banner|header|screenshot|untitled|placeholder|spacer|alt|null|undefined)$/i;
const FILE_NAME_ALT = /\.(png|jpe?g|gif|webp|svg|avif|bmp)$|^(img|dsc|image|photo|screenshot)[-_ ]?\d+$/i;

export const imagesRule: Rule = (built) => {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const img of built.page.images) {
    if (isTrackingPixel(img)) continue;
    const src = (img.attribs.src ?? '').trim();
    const where = locate(built, src || undefined);
    for (const [code, severity, message, hint] of imageProblems(img, src)) {
      if (seen.has(`${code}\0${src}`)) continue; // one image used twice is one finding
      seen.add(`${code}\0${src}`);
      diagnostics.push(diag(code, severity, message, where, hint));
    }
  }
  return diagnostics;
};

type Problem = [Diagnostic['code'], Diagnostic['severity'], string, string?];

function imageProblems(img: PageImage, src: string): Problem[] {
  const name = src ? `image ${src}` : 'an image';
  const problems: Problem[] = [];
  const alt = img.attribs.alt;
  if (alt === undefined)
    problems.push([
      'IMAGE_ALT_MISSING',
      'error',
      `${name} has no alt attribute`,
      'describe the image (front matter image_alt, or ![description](url) in Markdown)',
    ]);
  else if (alt.trim() === '')
    problems.push([
      'IMAGE_ALT_EMPTY',
      'warning',
      `${name} has empty alt text: screen readers skip it and blocked images show nothing`,
      'describe it, unless it is pure decoration',
    ]);
  else if (GENERIC_ALT.test(alt.trim()) || FILE_NAME_ALT.test(alt.trim()))
    problems.push([
      'IMAGE_ALT_GENERIC',
      'warning',
      `${name} has alt text "${alt.trim()}", which describes nothing`,
      'say what the image shows',
    ]);
  if (!/^\d+(px)?$/i.test(img.attribs.width ?? ''))
    problems.push([
      'IMAGE_WIDTH_MISSING',
      'warning',
      `${name} has no width attribute`,
      'Outlook draws it at its natural size',
    ]);
  if (img.attribs.height === undefined)
    problems.push([
      'IMAGE_HEIGHT_MISSING',
      'warning',
      `${name} has no height attribute`,
      'set height (or height="auto" beside a width) so blocked images keep their space',
    ]);
  problems.push(...sourceProblems(name, src));
  return problems;
}

function sourceProblems(name: string, src: string): Problem[] {
  const upload = 'upload the image and use its https:// address';
  if (/^file:/i.test(src) || /^([a-z]:[\\/]|~\/|\/(users|home|tmp|var|private)\/)/i.test(src)) {
    return [
      ['IMAGE_SRC_LOCAL', 'error', `${name} is a file on this computer: no reader can load it`, upload],
    ];
  }
  if (!hasScheme(src))
    return [
      [
        'IMAGE_SRC_RELATIVE',
        'error',
        src
          ? `${name} has a relative address: an inbox has no page to resolve it against`
          : 'an image has no src',
        // content's relative images are published by build (assets/); one left here came from a template
        'in a template, name an image in templates/ with {{asset "name.png"}}, or use an https:// address',
      ],
    ];
  if (!/^https:\/\//i.test(src))
    return [
      [
        'IMAGE_SRC_INSECURE',
        'warning',
        `${name} is not served over https`,
        'clients block or warn about images over http, and drop data: images',
      ],
    ];
  return [];
}

/** 1x1 (or 0x0) images are tracking pixels or spacers: no alt text or size advice applies. */
const isTrackingPixel = (img: PageImage) =>
  Number(img.attribs.width) <= 1 && Number(img.attribs.height) <= 1 && img.attribs.width !== undefined;
