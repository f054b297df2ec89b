import { describe, expect, it } from 'vitest';
import { embeddedIPv4, isPrivateAddress } from '../../src/import/private-address.js';
import { refusedTarget } from '../../src/import/target.js';

describe('private and loopback addresses', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.8',
    '172.16.5.4',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '[::1]',
    '::',
    'fe80::1%eth0',
    'fd00::1',
    'fc12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '0:0:0:0:0:ffff:a00:1',
    '64:ff9b::a9fe:a9fe',
    '2002:c0a8:0101::1',
    '::127.0.0.1',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '93.184.216.34',
    '1.1.1.1',
    '172.32.0.1',
    '2606:4700:4700::1111',
    '::ffff:93.184.216.34',
    '2002:5db8:d822::1',
  ])('allows %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('finds the IPv4 address inside mapped, NAT64 and 6to4 forms', () => {
    expect(embeddedIPv4('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(embeddedIPv4('64:ff9b::c0a8:1')).toBe('192.168.0.1');
    expect(embeddedIPv4('2002:0a00:0001::')).toBe('10.0.0.1');
    expect(embeddedIPv4('2606:4700::1')).toBeUndefined();
  });
});

describe('which URLs an import may request', () => {
  it.each([
    'http://127.0.0.1:8080/feed.xml',
    'http://localhost/feed.xml',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://169.254.169.254/latest/meta-data/',
  ])('refuses %s without --allow-private', async (url) => {
    expect(await refusedTarget(url, false)).toMatch(
      /private or loopback address \(--allow-private allows it\)/,
    );
  });

  it('allows loopback with --allow-private, and never another scheme', async () => {
    expect(await refusedTarget('http://127.0.0.1:8080/', true)).toBeUndefined();
    expect(await refusedTarget('file:///etc/passwd', true)).toMatch(/only http and https/);
    expect(await refusedTarget('ftp://example.org/feed', true)).toMatch(/only http and https/);
  });
});
