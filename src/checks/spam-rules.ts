// What the SpamAssassin rules that legitimate newsletters trip mean, and what to do about each: the hint on
// check --spam's SPAM_RULE findings. One table; a rule not in it keeps SpamAssassin's own description. The
// entries are the rules SpamAssassin 4 fires, offline (-L), on real editions: pictures with little text, a
// Cyrillic article beside Latin words, a From at a free mail provider, a link to an IP address. Network rules
// (URIBL, SPF, DKIM, DNS blocklists) never fire here: check runs SpamAssassin without the network.
import { DomUtils } from 'htmlparser2';
import { lineColumnAt } from '../content/text.js';
import { mixedWords, scriptOf, type MixedWordFound } from './mixed-script.js';
import type { BuiltEdition } from './rule.js';

/** What an explanation may read of the edition: its files, and the message as SpamAssassin gets it. */
export type SpamEdition = Pick<BuiltEdition, 'sources' | 'text' | 'html' | 'message' | 'dom'>;

/**
 * What the explanations need of an edition, as plain data: it is made where the edition was built (a worker
 * thread of `check`) and read where SpamAssassin ran (the main thread).
 */
export interface SpamContext {
  /** The edition's files, to say where a rule's trigger is written. */
  sources: { file: string; text: string }[];
  /** The words that mix scripts and reach the message. */
  mixed: MixedWordFound[];
  /** The Latin "e" and its look-alikes in what SpamAssassin reads. */
  letters: { latin: number; alike: [string, number][] };
}

export function spamContext(edition: SpamEdition): SpamContext {
  const { latin, alike } = eLetters(edition);
  return {
    sources: edition.sources.map(({ file, text }) => ({ file, text })),
    mixed: mixedWords(edition),
    letters: { latin, alike: [...alike] },
  };
}

interface SpamExplanation {
  /** The rule's name, or a family of rules (HTML_IMAGE_ONLY_04 … _32). */
  rule: RegExp;
  /** What trips the rule and what to do, from the rule alone or from the edition. */
  explain: string | ((context: SpamContext | undefined) => string);
  /** Text in the edition's files that trips it (a URL): the hint names the first place it is written. */
  find?: RegExp;
}

/** Rules that read look-alike letters: when one fires, check names each word that mixes scripts. */
export const LOOK_ALIKE_RULES = /^(MIXED_ES|UNICODE_OBFU_ASC|FUZZY_\w+)$/;

const OWN_DOMAIN = 'send from an address on your own domain ("from" in newsletter.config.json)';

export const SPAM_EXPLANATIONS: SpamExplanation[] = [
  { rule: /^MIXED_ES$/, explain: (context) => mixedEs(context) },
  {
    rule: /^UNICODE_OBFU_ASC$/,
    explain: (context) =>
      `Cyrillic "а", "е", "о", "р" or "с" between Latin letters, as spam writes words to slip them past filters.${namedWords(context)}`,
  },
  {
    rule: /^FUZZY_\w+$/,
    explain: (context) =>
      `the word after FUZZY_ in the rule's name, written with look-alike letters or characters inside it, as spam disguises it.${namedWords(context) || ' If it is written as it should be, leave it.'}`,
  },
  {
    rule: /^HTML_IMAGE_ONLY_\d+$/,
    explain:
      'the HTML has images and only as much text as the description says: mail that is mostly pictures is a spam habit. Say in words what the pictures show, or put a gallery on the web and link to it',
  },
  {
    rule: /^HTML_IMAGE_RATIO_\d+$/,
    explain:
      'little text for the area of the images (their width × height). It weighs nearly nothing alone (0.001 point); in an edition made mostly of pictures, give each a sentence or two',
  },
  {
    rule: /^HTML_SHORT_LINK_IMG_\d+$/,
    explain:
      'a very short HTML part with a linked image: a lone clickable picture is a spam habit. Add text around it, or link with words',
  },
  {
    rule: /^MPART_ALT_DIFF(_COUNT)?$/,
    explain:
      "the plain-text part and the HTML hold different words. The text part comes from the layout's .txt.hbs: give it the same articles as the .mjml.hbs (the starters' text layouts do)",
  },
  {
    rule: /^HTML_FONT_LOW_CONTRAST$/,
    explain:
      'some text is coloured almost like its background, as hidden text is. Look at "colors" in newsletter.config.json (text and muted against surface and background) and at colours in the templates; A11Y_CONTRAST findings name low-contrast text too',
  },
  {
    rule: /^SUBJ_ALL_CAPS$/,
    explain:
      'the subject has no lowercase letters: write it in sentence case ("subject" in edition.md, else the first article\'s title)',
  },
  {
    rule: /^FREEMAIL_/,
    explain: `From (or Reply-To) is an address at a free mail provider (gmail.com, outlook.com, yahoo.com…). Receivers check that the sending server may send for the From domain (DMARC), and a mailing platform may not send for theirs: ${OWN_DOMAIN}`,
  },
  {
    rule: /^FORGED_\w+_RCVD\d*$/,
    explain: `From is at a free mail provider whose own servers did not relay the message. check scores the message before any server has, but a platform sending as that address fails the same way at the receiver: ${OWN_DOMAIN}`,
  },
  {
    rule: /^(NORMAL_HTTP_TO_IP|NUMERIC_HTTP_ADDR)$/,
    explain: 'a link goes to an IP address rather than a domain name: link to the site by its name',
    find: /https?:\/\/\d+\.\d+\.\d+\.\d+/i,
  },
  {
    rule: /^URI_NOVOWEL$/,
    explain:
      "a linked host name has seven consonants in a row, as generated spam domains do. If the link is right, leave it: it is half a point; a link shortener's address or the site's own domain may read better",
    find: /https?:\/\/[^/?&#\s"'<>)]*[bcdfgjklmnpqrstvwxz]{7}/i,
  },
  {
    rule: /^T_REMOTE_IMAGE$/,
    explain:
      'images loaded from a web server, as every newsletter has: a rule under test, worth 0.01 point. Nothing to do',
  },
  {
    rule: /^(LOTS_OF_MONEY|MONEY_\w+|US_DOLLARS_\d+)$/,
    explain:
      'large sums of money in the text, as fundraising appeals have. Alone it weighs little; beside urgent calls to act ("donate now", "limited time") it adds up: state a sum once, calmly',
  },
];

/** The explanation of a rule that fired, or undefined when the table has none. */
export function explainSpamRule(rule: { name: string }, context?: SpamContext): string | undefined {
  const entry = SPAM_EXPLANATIONS.find((e) => e.rule.test(rule.name));
  if (!entry) return undefined;
  const text = typeof entry.explain === 'string' ? entry.explain : entry.explain(context);
  const where = entry.find && context ? firstMatch(context, entry.find) : undefined;
  return where ? `${text} (${where})` : text;
}

function firstMatch(context: SpamContext, pattern: RegExp): string | undefined {
  for (const source of context.sources) {
    const match = pattern.exec(source.text);
    if (!match) continue;
    const { line } = lineColumnAt(source.text, match.index);
    return `${match[0]}… in ${source.file}:${line}`;
  }
  return undefined;
}

// MIXED_ES, as SpamAssassin 4 writes it (72_active.cf): body rules __LOWER_E (/e/, at most 230 hits) and
// __E_LIKE_LETTER (the Latin e and its look-alikes, at most 320), and the rule fires when
// __LOWER_E > 20 and 1.4 × __LOWER_E < __E_LIKE_LETTER < 10 × __LOWER_E. The body is the subject, the text
// part and the HTML's text, one after the other.
const E_LIKE = /[eèéêëēĕėęěȅȇȀϵеѐёєѳҼҽҾҿөӫ]/gu;

const MIXED_ES =
  'MIXED_ES counts letters, not words: more than 20 Latin "e" in the message (subject, text and HTML together) and 1.4 to 10 times as many e-like letters (the Latin "e" with its look-alikes: Cyrillic "е", "ё", "є", accented "é", "è", "ê", "ë"), as in Latin text with look-alikes swapped in.';

function mixedEs(context: SpamContext | undefined): string {
  if (!context)
    return `${MIXED_ES}${namedWords(context)} Cyrillic text beside Latin words can trip it alone.`;
  if (context.mixed.length > 0) return `${MIXED_ES}${namedWords(context)}`;
  const { latin, alike } = context.letters;
  const top = [...alike]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([letter, n]) => `${n} ${scriptOf(letter) ?? 'other'} "${letter}"`)
    .join(', ');
  return `${MIXED_ES} No word here mixes scripts: about ${latin} Latin "e" (the newsletter's name, address and links count) against ${top || 'its look-alikes'}: text in another script beside Latin words is enough. Nothing to retype; it is 1 point of the 5 that make spam, and it stops with 20 Latin "e" or fewer.`;
}

/** The words that mix scripts, where they are written; generic advice without the edition. */
function namedWords(context: SpamContext | undefined): string {
  if (!context) return ' Retype any word that mixes scripts.';
  const words = context.mixed;
  if (words.length === 0) return '';
  const named = words
    .slice(0, 5)
    .map((w) => `"${w.word}" (${w.file}:${w.line})`)
    .join(', ');
  const more = words.length > 5 ? ` and ${words.length - 5} more` : '';
  const one = words.length === 1;
  return ` Here ${one ? 'a word mixes' : `${words.length} words mix`} scripts: ${named}${more}. Retype ${one ? 'it' : 'them'} in one script (SPAM_MIXED_SCRIPT names each letter).`;
}

/** The Latin "e" and its look-alikes, counted in what SpamAssassin reads (its own caps not applied). */
export function eLetters(context: Pick<SpamEdition, 'text' | 'message' | 'dom'>): {
  latin: number;
  alike: Map<string, number>;
} {
  const body = [context.message.subject, context.text, visibleText(context.dom.children)].join('\n');
  let latin = 0;
  const alike = new Map<string, number>();
  for (const [letter] of body.matchAll(E_LIKE)) {
    if (letter === 'e') latin++;
    else alike.set(letter, (alike.get(letter) ?? 0) + 1);
  }
  return { latin, alike };
}

type Nodes = SpamEdition['dom']['children'];

/** The HTML's text, without style sheets and scripts. */
function visibleText(nodes: Nodes): string {
  let text = '';
  for (const node of nodes) {
    if (DomUtils.isText(node)) text += node.data;
    else if (DomUtils.isTag(node) && (node.name === 'style' || node.name === 'script')) continue;
    else if (DomUtils.hasChildren(node)) text += visibleText(node.children as Nodes);
  }
  return text;
}
