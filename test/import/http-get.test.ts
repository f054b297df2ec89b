// The import's HTTP manners against a real server on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpGet, type FetchLimits } from '../../src/import/http-get.js';
import { startServer, type TestServer } from './server.js';
import { pollUntil } from '../helpers/wait.js';

let server: TestServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());

const limits = (overrides: Partial<FetchLimits> = {}): FetchLimits => ({
  allowPrivate: true,
  timeoutMs: 10_000,
  budget: new AbortController().signal,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  userAgent: 'newsletter/test (feed and link import)',
  ...overrides,
});

describe('httpGet', () => {
  it('fetches a page with a User-Agent naming the tool', async () => {
    const result = await httpGet(`${server.url}/page/og`, limits());
    expect(result).toMatchObject({
      ok: true,
      url: `${server.url}/page/og`,
      contentType: 'text/html; charset=utf-8',
    });
    expect(server.requests.at(-1)).toEqual({
      path: '/page/og',
      userAgent: 'newsletter/test (feed and link import)',
    });
  });

  it('refuses a loopback address unless private addresses are allowed', async () => {
    const before = server.requests.length;
    const result = await httpGet(`${server.url}/page/og`, limits({ allowPrivate: false }));
    expect(result).toEqual({
      ok: false,
      reason: 'refused 127.0.0.1: a private or loopback address (--allow-private allows it)',
    });
    expect(server.requests.length).toBe(before);
  });

  it('follows redirects by hand to the final address', async () => {
    const result = await httpGet(`${server.url}/redirect/1`, limits());
    expect(result).toMatchObject({ ok: true, url: `${server.url}/page/og` });
  });

  it('checks every hop: a redirect to another scheme is refused', async () => {
    expect(await httpGet(`${server.url}/redirect/file`, limits())).toEqual({
      ok: false,
      reason: 'redirected to file:///etc/passwd: only http and https URLs can be imported, not file:',
    });
  });

  it('stops at a redirect loop and after 5 redirects', async () => {
    expect(await httpGet(`${server.url}/loop/a`, limits())).toEqual({
      ok: false,
      reason: `redirect loop (${server.url}/loop/a again)`,
    });
    expect(await httpGet(`${server.url}/hops/1`, limits())).toEqual({
      ok: false,
      reason: 'more than 5 redirects',
    });
    expect(server.hits('/hops/7')).toBe(0);
    expect(await httpGet(`${server.url}/hops/3`, limits())).toMatchObject({
      ok: true,
      url: `${server.url}/page/og`,
    });
  });

  it('retries a 5xx answer, and not a 404', async () => {
    expect(await httpGet(`${server.url}/flaky`, limits())).toMatchObject({ ok: true });
    expect(server.hits('/flaky')).toBe(2);
    expect(await httpGet(`${server.url}/missing`, limits())).toEqual({
      ok: false,
      reason: 'HTTP 404 Not Found',
    });
    expect(server.hits('/missing')).toBe(1);
  });

  it('gives up on a slow server after its timeout, retrying each time', async () => {
    const result = await httpGet(`${server.url}/slow`, limits({ timeoutMs: 300, retries: 1 }));
    expect(result).toEqual({ ok: false, reason: 'no answer within 0.3 s' });
    expect(server.hits('/slow')).toBe(2);
  });

  it('stops when the whole import runs out of time', async () => {
    const budget = new AbortController();
    const before = server.hits('/slow');
    const pending = httpGet(`${server.url}/slow`, limits({ budget: budget.signal }));
    // abort once the request has reached the server (the suite's bounded poll)
    await pollUntil(
      () => server.hits('/slow'),
      (hits) => hits !== before,
      'the slow request to reach the server',
    );
    budget.abort();
    expect(await pending).toEqual({ ok: false, reason: "the import's time budget ran out" });
  });

  it('refuses a body over the size cap, declared or not', async () => {
    const cap = limits({ maxBytes: 2 * 1024 * 1024 });
    expect(await httpGet(`${server.url}/large/declared`, cap)).toEqual({
      ok: false,
      reason: 'larger than 2 MB',
    });
    expect(await httpGet(`${server.url}/large/chunked`, cap)).toEqual({
      ok: false,
      reason: 'larger than 2 MB',
    });
  });

  it('refuses schemes other than http(s)', async () => {
    expect(await httpGet('file:///etc/passwd', limits())).toEqual({
      ok: false,
      reason: 'only http and https URLs can be imported, not file:',
    });
  });
});
