// check --spam's SpamAssassin, shared by every edition of a run. SpamAssassin spends about a second loading
// its rules before it reads a message, and a fifth of one on each message after that, so messages wait here
// and go through it in batches, one process per batch (an mbox: see runSpamAssassin), at most one process per
// core at a time. A batch starts when it is full, or when the run says no more messages are coming (`end`);
// what is left then is shared between the free cores, a process for at least MIN_PER_PROCESS messages.
// A message that cannot go into an mbox, and one its batch gave no report for, is scanned alone.
import { mboxReady, runSpamAssassin, type SpamReport } from './spam.js';

export interface SpamQueue {
  /** The message's report; rejects with why SpamAssassin gave none. */
  scan(eml: string): Promise<SpamReport>;
  /** No more messages are coming: what waits starts now. */
  end(): void;
}

interface Waiting {
  eml: string;
  resolve: (report: SpamReport) => void;
  reject: (error: Error) => void;
}

export const BATCH = 25;
const MIN_PER_PROCESS = 4;

export function spamQueue(slots: number, run = runSpamAssassin): SpamQueue {
  const waiting: Waiting[] = [];
  let running = 0;
  let ended = false;

  const pump = () => {
    while (running < slots && waiting.length > 0 && (ended || waiting.length >= BATCH)) {
      const share = Math.ceil(waiting.length / (slots - running));
      const size = ended ? Math.min(BATCH, Math.max(MIN_PER_PROCESS, share)) : BATCH;
      running++;
      const batch = waiting.splice(0, size);
      // a message already settled ignores the rejection: only those a failure left waiting take it
      void scanBatch(batch, run)
        .catch((error: Error) => batch.forEach((message) => message.reject(error)))
        .finally(() => {
          running--;
          pump();
        });
    }
  };

  return {
    scan: (eml) =>
      new Promise<SpamReport>((resolve, reject) => {
        waiting.push({ eml, resolve, reject });
        pump();
      }),
    end: () => {
      ended = true;
      pump();
    },
  };
}

/** One slot's work: the messages that can share an mbox in one process, then each of the others alone. */
async function scanBatch(batch: Waiting[], run: typeof runSpamAssassin): Promise<void> {
  const together: Waiting[] = [];
  const alone: Waiting[] = [];
  const ids = new Set<string>();
  for (const message of batch) {
    const id = mboxReady(message.eml);
    if (id === undefined || ids.has(id)) alone.push(message);
    else {
      ids.add(id);
      together.push(message);
    }
  }
  if (together.length === 1) alone.unshift(together.pop()!);
  if (together.length > 0) {
    const reports = await run(together.map((m) => m.eml));
    together.forEach((message, i) => {
      const report = reports[i]!;
      if (report instanceof Error)
        alone.push(message); // tried again alone, where nothing else can trip it
      else message.resolve(report);
    });
  }
  for (const message of alone) {
    const [report] = await run([message.eml]);
    if (report instanceof Error) message.reject(report);
    else message.resolve(report!);
  }
}
