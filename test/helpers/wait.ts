// Waiting in tests: on an event where there is one, else a bounded poll with a generous limit. The suite
// runs on shared machines where another process may hold a core: a limit that a quiet machine meets with
// room to spare (1 s) is missed there, so limits are a minute, and only a real failure waits that long.

/** How long a test waits for something that takes a second on a quiet machine. */
export const WAIT_LIMIT_MS = 60_000;
/** How long a poll rests between tries: short, since the limit, not the rest, bounds the wait. */
const POLL_INTERVAL_MS = 25;

/**
 * Calls `read` until `accept` takes what it returns, and returns that; a `read` that throws is tried again
 * (a page navigating, a server restarting). Fails, naming `what` and the last value, after `limitMs`.
 */
export async function pollUntil<T>(
  read: () => Promise<T> | T,
  accept: (value: T) => boolean,
  what: string,
  limitMs = WAIT_LIMIT_MS,
): Promise<T> {
  const deadline = Date.now() + limitMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch {
      // not readable yet; try again
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error(
    `timed out after ${limitMs / 1000} s waiting for ${what}; last value: ${JSON.stringify(last)}`,
  );
}
