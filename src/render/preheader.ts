// The inbox shows the preheader beside the subject and then runs on into the page's first text (the header,
// "View in your browser", the greeting, or the dek the preheader came from). Invisible characters after it,
// up to about 150 in all (what inboxes show at most, React Email's length), leave that space empty.
// Written as characters, not entities: 4 bytes a pair instead of 12.

export const PREHEADER_SPACE = 150;
/** A no-break space, then a combining grapheme joiner: clients do not collapse them as they collapse spaces. */
const PAIR = '\u00A0\u034F';

export function preheaderSpacing(preheader: string): string {
  const left = PREHEADER_SPACE - [...preheader.trim()].length;
  return left > 0 ? PAIR.repeat(Math.ceil(left / 2)) : '';
}
