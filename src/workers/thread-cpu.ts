// NEWSLETTER_THREAD_CPU=<file> (Linux): each build worker writes its own thread's CPU time so far, in ms,
// to `<file>.<role>-<threadId>` after every edition, so the last value is the worker's total. For weighing
// the two halves of a pair (docs/performance.md, "Parallel builds"); V8's compiler and collector threads,
// which work for both, are not counted. Unset, it costs a test of one constant.
import { readFileSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

const file = process.env.NEWSLETTER_THREAD_CPU;

/** Records this thread's CPU time so far, when NEWSLETTER_THREAD_CPU asks for it; never fails the build. */
export function recordThreadCpu(role: string): void {
  if (!file) return;
  try {
    // utime and stime, fields 14 and 15 of the line, in clock ticks (100 a second on Linux); counted after
    // the command name, which may hold spaces, in parentheses
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    writeFileSync(`${file}.${role}-${threadId}`, `${(Number(fields[11]) + Number(fields[12])) * 10}\n`);
  } catch {
    // not Linux, or the file cannot be written: no figure
  }
}
