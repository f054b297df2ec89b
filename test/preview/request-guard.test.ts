import { describe, expect, it } from 'vitest';
import { isAllowedHost, pathSegments } from '../../src/preview/request-guard.js';

describe('pathSegments', () => {
  it('decodes a plain path into segments', () => {
    expect(pathSegments('/')).toEqual(['']);
    expect(pathSegments('/e/2026-11-field-notes/')).toEqual(['e', '2026-11-field-notes', '']);
    expect(pathSegments('/e/a%20b/x.png?v=1')).toEqual(['e', 'a b', 'x.png']);
  });

  it.each([
    '/e/a/../b',
    '/e/a/./b',
    '/e/%2e%2e/x',
    '/e/%2E%2e%2fx',
    '/e/..%252fx',
    '/e/%252e%252e/x',
    '/e/a\\..\\b',
    '/e/a%5cb',
    '/e/a%00',
    '/e/a\0',
    '/e/%E0%A4%A',
    'e/relative',
    'http://evil.example/',
  ])('refuses %j', (path) => {
    expect(pathSegments(path)).toBeUndefined();
  });
});

describe('isAllowedHost', () => {
  it('accepts the loopback names and the bound address', () => {
    expect(isAllowedHost('127.0.0.1:4000', '127.0.0.1')).toBe(true);
    expect(isAllowedHost('LOCALHOST:4000', '127.0.0.1')).toBe(true);
    expect(isAllowedHost('[::1]:4000', '::1')).toBe(true);
    expect(isAllowedHost('192.168.1.20:4000', '192.168.1.20')).toBe(true);
  });

  it('refuses other names, even when bound to every interface', () => {
    expect(isAllowedHost(undefined, '127.0.0.1')).toBe(false);
    expect(isAllowedHost('attacker.example:4000', '127.0.0.1')).toBe(false);
    expect(isAllowedHost('127.0.0.1.nip.io:4000', '127.0.0.1')).toBe(false);
    expect(isAllowedHost('192.168.1.20:4000', '127.0.0.1')).toBe(false);
    expect(isAllowedHost('attacker.example', '0.0.0.0')).toBe(false);
    expect(isAllowedHost('192.168.1.20:4000', '0.0.0.0')).toBe(true);
  });
});
