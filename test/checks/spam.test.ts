import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/checks/html.js';
import { parseSpamReport, spamDiagnostics } from '../../src/checks/spam.js';
import { eLetters, explainSpamRule, spamContext, type SpamEdition } from '../../src/checks/spam-rules.js';

// The report `spamassassin -t` appends, as SpamAssassin 4 writes it (descriptions may wrap).
const OUTPUT = `Subject: x

Content analysis details:   (6.1 points, 5.0 required)

 pts rule name              description
---- ---------------------- --------------------------------------------------
-0.0 NO_RELAYS              Informational: message was not relayed via SMTP
 2.7 DEAR_FRIEND            BODY: Dear Friend? That's not very dear!
 3.4 SOME_LONG_RULE         BODY: A description long enough that SpamAssassin
                            wraps it onto a second line

The original message was not completely plain text, and may be unsafe to
`;

describe('SpamAssassin report', () => {
  it('parses the score and every rule with its description, most points first', () => {
    // in no set order from SpamAssassin: here most points first, then by name
    expect(parseSpamReport(OUTPUT)).toEqual({
      score: 6.1,
      rules: [
        {
          name: 'SOME_LONG_RULE',
          points: 3.4,
          description: 'BODY: A description long enough that SpamAssassin wraps it onto a second line',
        },
        { name: 'DEAR_FRIEND', points: 2.7, description: "BODY: Dear Friend? That's not very dear!" },
        { name: 'NO_RELAYS', points: -0, description: 'Informational: message was not relayed via SMTP' },
      ],
    });
    expect(parseSpamReport('no report here')).toBeUndefined();
  });

  it.each([
    [6.1, 'error'],
    [5, 'error'],
    [0.5, 'warning'],
    [0, 'info'],
    [-1.2, 'info'],
  ])('scores %s as %s', (score, severity) => {
    const [first, ...rules] = spamDiagnostics(
      { score, rules: [{ name: 'X', points: 0.5, description: 'd' }] },
      'out/a/message.eml',
    );
    expect(first).toMatchObject({ code: 'SPAM_SCORE', severity, file: 'out/a/message.eml' });
    expect(rules).toEqual([
      expect.objectContaining({ code: 'SPAM_RULE', severity: 'info', message: '+0.5 X: d' }),
    ]);
  });
});

/** An edition as the explanations read it: its files, and the message's subject, text and HTML. */
function edition(files: Record<string, string>, text: string, html: string, subject = 'Notes'): SpamEdition {
  return {
    sources: Object.entries(files).map(([file, content]) => ({ file, text: content })),
    text,
    html,
    message: { subject } as SpamEdition['message'],
    dom: parseHtml(html),
  };
}
const context = (...parts: Parameters<typeof edition>) => spamContext(edition(...parts));

describe('SpamAssassin rules explained', () => {
  it.each([
    ['HTML_IMAGE_ONLY_08', 'mostly pictures'],
    ['HTML_IMAGE_RATIO_02', 'little text for the area of the images'],
    ['SUBJ_ALL_CAPS', 'sentence case'],
    ['FREEMAIL_FROM', 'your own domain'],
    ['FORGED_GMAIL_RCVD', 'your own domain'],
    ['MPART_ALT_DIFF_COUNT', '.txt.hbs'],
    ['HTML_FONT_LOW_CONTRAST', '"colors"'],
    ['MIXED_ES', 'Retype any word that mixes scripts'],
  ])('says what trips %s and what to do', (name, words) => {
    expect(explainSpamRule({ name })).toContain(words);
  });

  it('leaves a rule it does not know to its own description', () => {
    expect(explainSpamRule({ name: 'HTML_MESSAGE' })).toBeUndefined();
    const [, rule] = spamDiagnostics(
      {
        score: 0,
        rules: [{ name: 'HTML_MESSAGE', points: 0, description: 'BODY: HTML included in message' }],
      },
      'out/a/message.eml',
    );
    expect(rule).toEqual({
      code: 'SPAM_RULE',
      severity: 'info',
      message: '0.0 HTML_MESSAGE: BODY: HTML included in message',
      file: 'out/a/message.eml',
    });
  });

  it('names the first place a link to an IP address is written', () => {
    const edition = context(
      { 'content/a/01.md': '---\ntitle: Map\n---\nSee [the map](http://198.51.100.7/map).\n' },
      'See the map [1]\n[1] http://198.51.100.7/map',
      '<p>See <a href="http://198.51.100.7/map">the map</a></p>',
    );
    expect(explainSpamRule({ name: 'NORMAL_HTTP_TO_IP' }, edition)).toBe(
      'a link goes to an IP address rather than a domain name: link to the site by its name (http://198.51.100.7… in content/a/01.md:4)',
    );
  });

  it('counts the letters MIXED_ES counts: the subject, the text part and the HTML text, without styles', () => {
    const built = edition(
      {},
      'Field Notes: неделя',
      '<html><head><style>.e{color:red}</style></head><body><p>Field Notes: неделя, ещё</p></body></html>',
      'Неделя',
    );
    expect(eLetters(built)).toEqual({
      latin: 4,
      alike: new Map([
        ['е', 7],
        ['ё', 1],
      ]),
    });
  });

  it('gives the letter counts under MIXED_ES when no word mixes scripts', () => {
    const edition = context(
      { 'content/a/01.md': '---\ntitle: Неделя\n---\nНеделя в городе.\n' },
      'Field Notes, Example Street\nНеделя в городе.',
      '<p>Неделя в городе.</p><p>Field Notes, Example Street</p>',
      'Неделя',
    );
    expect(explainSpamRule({ name: 'MIXED_ES' }, edition)).toContain(
      'No word here mixes scripts: about 10 Latin "e" (the newsletter\'s name, address and links count) against 8 Cyrillic "е": text in another script',
    );
  });

  it('names the words that mix scripts under MIXED_ES, and each one where it is written', () => {
    const e = '\u0435';
    const article = `---\ntitle: Телефоны\n---\nНовый телефон от Appl${e}.\n`;
    const edition = context(
      { 'content/a/01.md': article },
      `Новый телефон от Appl${e}.`,
      `<p>Новый телефон от Appl${e}.</p>`,
    );
    const found = spamDiagnostics(
      { score: 1, rules: [{ name: 'MIXED_ES', points: 1, description: 'Too many es are not es' }] },
      'out/a/message.eml',
      edition,
    );
    expect(found[1]).toMatchObject({
      code: 'SPAM_RULE',
      message: '+1.0 MIXED_ES: Too many es are not es',
      hint: expect.stringContaining(`Here a word mixes scripts: "Appl${e}" (content/a/01.md:4). Retype it`),
    });
    expect(found[2]).toEqual({
      code: 'SPAM_MIXED_SCRIPT',
      severity: 'warning',
      message: `"Appl${e}" mixes scripts: Cyrillic "${e}" (U+0435) among Latin letters`,
      file: 'content/a/01.md',
      line: 4,
      column: 18,
      hint: 'retype it in one script ("Apple"): SpamAssassin reads a look-alike letter as a disguised word (MIXED_ES, UNICODE_OBFU_ASC, FUZZY_*)',
    });
    // the same words, when no rule that reads look-alikes fired, are left alone
    expect(spamDiagnostics({ score: 0, rules: [] }, 'out/a/message.eml', edition).map((d) => d.code)).toEqual(
      ['SPAM_SCORE'],
    );
  });
});
