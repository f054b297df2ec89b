import { describe, expect, it } from 'vitest';
import { parseSpamReport, spamDiagnostics } from '../../src/checks/spam.js';

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
  it('parses the score and every rule with its description', () => {
    expect(parseSpamReport(OUTPUT)).toEqual({
      score: 6.1,
      rules: [
        { name: 'NO_RELAYS', points: -0, description: 'Informational: message was not relayed via SMTP' },
        { name: 'DEAR_FRIEND', points: 2.7, description: "BODY: Dear Friend? That's not very dear!" },
        {
          name: 'SOME_LONG_RULE',
          points: 3.4,
          description: 'BODY: A description long enough that SpamAssassin wraps it onto a second line',
        },
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
