// check --spam scans messages in batches: several in one SpamAssassin process (an mbox). The real
// SpamAssassin (CI installs it) must give each message of a batch the report it gives that message alone.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mboxReady, runSpamAssassin, type SpamReport } from '../../src/checks/spam.js';
import { BATCH, spamQueue } from '../../src/checks/spam-queue.js';
import { tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject;
const messages: string[] = [];

beforeAll(async () => {
  // a spammy edition, one that scores a little, and the sample's two (Latin and Cyrillic text, images)
  project = await tempProject();
  await project.write(
    'content/offer.md',
    '---\ntitle: "FREE MONEY!!! ACT NOW, 100% GUARANTEED"\ndek: Earn extra cash from home, risk free\n---\nDear friend, you have been selected as a WINNER! Viagra at discount prices. Urgent response needed.\n',
  );
  await project.write(
    'content/caps.md',
    '---\ntitle: AN UPDATE FROM THE DESK ABOUT OUR WORK\ndek: What changed this month and why\n---\nA calm note about the work of the month.\n',
  );
  const built = await project.runHere(['build']);
  expect(built.code, built.stderr).toBe(0);
  for (const slug of ['offer', 'caps', '2026-11-field-notes', 'kursk-talks'])
    messages.push(await readFile(join(project.dir, 'out', slug, 'message.eml'), 'utf8'));
}, 120_000);
afterAll(() => project?.remove());

describe('SpamAssassin on several messages at once', () => {
  it('gives each message of a batch the report it gets alone', async () => {
    const [together, ...alone] = await Promise.all([
      runSpamAssassin(messages),
      ...messages.map(async (eml) => (await runSpamAssassin([eml]))[0]),
    ]);
    expect(alone.every((report) => !(report instanceof Error))).toBe(true);
    expect(together).toEqual(alone);
    // the batch is not one report repeated: the spammy one is spam, the sample is not
    const scores = (together as SpamReport[]).map((report) => report.score);
    expect(scores[0]).toBeGreaterThanOrEqual(5);
    expect(scores[1]).toBeGreaterThan(0);
    expect(scores[2]).toBeLessThanOrEqual(0);
  }, 120_000);

  it('keeps out of an mbox a message with no Message-ID, or a line an mbox reader takes for a new message', () => {
    const [offer] = messages;
    expect(mboxReady(offer!)).toMatch(/^<[0-9a-f]+@.+>$/);
    expect(mboxReady(offer!.replace(/^Message-ID:.*\r?\n/im, ''))).toBeUndefined();
    // a text part with a line of its own like the "From " line that starts each message of an mbox
    const fromLine = offer!.replace(/\r\n\r\n/, '\r\n\r\nFrom someone  Mon Dec  7 10:00:00 2026\r\n');
    expect(mboxReady(fromLine)).toBeUndefined();
    // an ordinary sentence that starts with "From" is no such line
    expect(mboxReady(offer!.replace(/\r\n\r\n/, '\r\n\r\nFrom the editor, with thanks\r\n'))).toBeDefined();
  });
});

describe('the queue of check --spam', () => {
  /** A queue over a stand-in SpamAssassin that records each process's messages; fails those named. */
  function recorded(slots: number, failing: (eml: string, size: number) => boolean = () => false) {
    const runs: string[][] = [];
    const queue = spamQueue(slots, async (emls) => {
      runs.push(emls);
      return emls.map((eml) =>
        failing(eml, emls.length) ? new Error(`no report for ${eml}`) : { score: score(eml), rules: [] },
      );
    });
    return { queue, runs };
  }
  const message = (n: number) => `Message-ID: <${n}@x>\r\n\r\nbody ${n}\r\n`;
  const score = (eml: string) => Number(/body (\d+)/.exec(eml)![1]);

  it('runs full batches as messages come, and shares what is left at the end between the cores', async () => {
    const { queue, runs } = recorded(2);
    const scans = Array.from({ length: 2 * BATCH + 10 }, (_, n) => queue.scan(message(n)));
    // two full batches started before the end; the ten left wait for it
    await expect.poll(() => runs.length).toBe(2);
    expect(runs.map((r) => r.length)).toEqual([BATCH, BATCH]);
    queue.end();
    const reports = await Promise.all(scans);
    expect(reports.map((r) => r.score)).toEqual(reports.map((_, n) => n));
    expect(runs.map((r) => r.length)).toEqual([BATCH, BATCH, 5, 5]);
  });

  it('puts a few messages left at the end in one process, not one each', async () => {
    const { queue, runs } = recorded(2);
    const scans = [1, 2, 3].map((n) => queue.scan(message(n)));
    queue.end();
    await Promise.all(scans);
    expect(runs.map((r) => r.length)).toEqual([3]);
  });

  it('scans alone a message its batch gave no report for, and one that cannot share an mbox', async () => {
    const noId = 'Subject: none\r\n\r\nbody 9\r\n';
    const { queue, runs } = recorded(1, (eml, size) => eml.includes('body 2') && size > 1);
    const scans = [1, 2, 3].map((n) => queue.scan(message(n)));
    const lone = queue.scan(noId);
    queue.end();
    await Promise.all([...scans, lone]);
    expect(runs.map((r) => r.map((eml) => /body (\d+)/.exec(eml)![1]))).toEqual([
      ['1', '2', '3'],
      ['9'],
      ['2'],
    ]);
  });

  it('rejects a message SpamAssassin gives no report for, alone too, and the others still get theirs', async () => {
    const { queue } = recorded(1, (eml) => eml.includes('body 2'));
    const scans = [1, 2, 3].map((n) =>
      queue.scan(message(n)).then(
        (r) => r.score,
        (e: Error) => e.message,
      ),
    );
    queue.end();
    expect(await Promise.all(scans)).toEqual([1, expect.stringContaining('no report for'), 3]);
  });
});
