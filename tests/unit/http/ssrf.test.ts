import type { LookupAddress } from 'node:dns';
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentError } from '../../../src/core/errors.js';
import type { DnsLookup, Fetcher } from '../../../src/http/fetcher.js';
import { request } from 'undici';
import { createGuardedAgent } from '../../../src/http/dispatcher.js';
import { createGuardedLookup, forbiddenAddressReason, systemDnsLookup } from '../../../src/http/ssrf-guard.js';
import { rejectionOf, reply, startServer, testFetcher, type LocalServer } from './local-server.js';

const FORBIDDEN: Array<[string, string]> = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.0.0.1', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['169.254.169.254', 'linkLocal'], // cloud metadata
  ['100.64.0.1', 'carrierGradeNat'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['224.0.0.1', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['240.0.0.1', 'reserved'],
  ['::1', 'loopback'],
  ['::', 'unspecified'],
  ['fc00::1', 'uniqueLocal'],
  ['fd12:3456::1', 'uniqueLocal'],
  ['fe80::1', 'linkLocal'],
  ['fe80::1%eth0', 'linkLocal'],
  ['ff02::1', 'multicast'],
  ['::ffff:127.0.0.1', 'ipv4Mapped:loopback'],
  ['::ffff:10.1.2.3', 'ipv4Mapped:private'],
  ['::ffff:a9fe:a9fe', 'ipv4Mapped:linkLocal'],
  ['64:ff9b::a9fe:a9fe', 'rfc6052:linkLocal'], // NAT64 of the metadata address
  ['64:ff9b::7f00:1', 'rfc6052:loopback'],
  ['2002:7f00:1::', '6to4:loopback'],
  ['2002:c0a8:101::1', '6to4:private'],
  ['::127.0.0.1', 'ipv4Mapped:loopback'], // ipaddr.js reads the dotted IPv4-compatible form as mapped
  ['::7f00:1', 'unicast:loopback'], // deprecated IPv4-compatible form, hex spelling
  ['::a00:1', 'unicast:private'],
  ['not-an-ip', 'invalid'],
];

const ALLOWED = ['8.8.8.8', '1.1.1.1', '14.225.0.1', '172.32.0.1', '100.128.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8', '64:ff9b::808:808'];

describe('forbiddenAddressReason (pure)', () => {
  it.each(FORBIDDEN)('refuses %s (%s)', (address, reason) => {
    expect(forbiddenAddressReason(address)).toBe(reason);
  });
  it.each(ALLOWED)('allows public %s', (address) => {
    expect(forbiddenAddressReason(address)).toBeNull();
  });
});

describe('guarded DNS lookup (no sockets)', () => {
  const lookupVia = (addresses: string[], allowAll = false, allowedHosts: string[] = []) => {
    const resolve: DnsLookup = async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    const lookup = createGuardedLookup(resolve, { allowAll, allowedHosts: new Set(allowedHosts) });
    return new Promise<LookupAddress[]>((ok, fail) =>
      lookup('site.test', { all: true }, (err, result) => (err ? fail(err) : ok(result as LookupAddress[]))),
    );
  };

  it.each(FORBIDDEN.filter(([a]) => a !== 'not-an-ip'))('refuses a name resolving to %s', async (address) => {
    const err = await rejectionOf(lookupVia([address]));
    expect(err).toBeInstanceOf(PermanentError);
    expect(err.code).toBe('ssrf_refused');
  });

  it('refuses a name mixing public and private addresses (rebinding trick)', async () => {
    const err = await rejectionOf(lookupVia(['8.8.8.8', '10.0.0.5']));
    expect(err.code).toBe('ssrf_refused');
  });

  it('passes public addresses, and private ones when allowed', async () => {
    expect(await lookupVia(['8.8.8.8', '2001:4860:4860::8888'])).toHaveLength(2);
    expect(await lookupVia(['10.0.0.5'], true)).toEqual([{ address: '10.0.0.5', family: 4 }]);
    expect(await lookupVia(['10.0.0.5'], false, ['site.test'])).toHaveLength(1);
  });

  it('answers the single-address form and honours the family filter', async () => {
    const resolve: DnsLookup = async () => [
      { address: '2001:4860:4860::8888', family: 6 },
      { address: '8.8.8.8', family: 4 },
    ];
    const lookup = createGuardedLookup(resolve, { allowAll: false, allowedHosts: new Set() });
    const single = await new Promise<[string, number | undefined]>((ok, fail) =>
      lookup('site.test', { family: 4 }, (err, address, family) => (err ? fail(err) : ok([address as string, family]))),
    );
    expect(single).toEqual(['8.8.8.8', 4]);
  });
});

describe('fetcher refuses forbidden addresses at connect time', () => {
  let server: LocalServer | undefined;
  let fetcher: Fetcher | undefined;
  afterEach(async () => {
    await fetcher?.close();
    await server?.close();
    fetcher = server = undefined;
  });

  /** Every name resolves to `address`: the stand-in for a hostile DNS record. */
  const resolveTo = (address: string): DnsLookup => async () => [{ address, family: address.includes(':') ? 6 : 4 }];

  // Only loopback-family addresses here: should the guard ever fail, the connection stays on this machine.
  it.each(['127.0.0.1', '127.0.0.2', '::ffff:127.0.0.1', '0.0.0.0'])(
    'refuses a host name that resolves to %s',
    async (address) => {
      server = await startServer({ '/': reply(200, {}, 'secret') });
      fetcher = testFetcher({ dnsLookup: resolveTo(address) });
      const err = await rejectionOf(fetcher.fetch({ url: `http://intranet.test:${server.port}/` }));
      expect(err).toBeInstanceOf(PermanentError);
      expect(err.code).toBe('ssrf_refused');
      expect(server.requests).toHaveLength(0);
    },
  );

  it('resolves once per connection, so the address checked is the address dialled (no rebinding gap)', async () => {
    server = await startServer({ '/': reply(200, {}, 'ok') });
    let calls = 0;
    const counting: DnsLookup = async () => {
      calls++;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    fetcher = testFetcher({ dnsLookup: counting, respectRobots: false });
    expect((await rejectionOf(fetcher.fetch({ url: `http://rebind.test:${server.port}/` }))).code).toBe('ssrf_refused');
    expect(calls).toBe(1);
    expect((await fetcher.fetch({ url: `http://rebind.test:${server.port}/`, allowPrivateNetwork: true })).body).toBe('ok');
    expect(calls).toBe(2);
  });

  it('the guarded Agent refuses IP literals by itself, even without the fetcher around it', async () => {
    server = await startServer({ '/': reply(200, {}, 'secret') });
    const agent = createGuardedAgent({ resolve: systemDnsLookup, connectTimeoutMs: 1_000, allowedHosts: new Set() }, false);
    try {
      for (const url of [`http://127.0.0.1:${server.port}/`, `http://[::ffff:127.0.0.1]:${server.port}/`]) {
        const err = await rejectionOf(request(url, { dispatcher: agent }));
        expect(err.code, url).toBe('ssrf_refused');
      }
      expect(server.requests).toHaveLength(0);
    } finally {
      await agent.close();
    }
  });

  it('WHATWG URL parsing normalises odd IPv4 spellings, and each is refused', async () => {
    server = await startServer({ '/': reply(200, {}, 'secret') });
    fetcher = testFetcher();
    const port = server.port;
    const spellings = ['2130706433', '0x7f.1', '0177.0.0.1', '127.1', '0x7f000001', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[::1]', '0'];
    for (const host of spellings) {
      const url = `http://${host}:${port}/`;
      const hostname = new URL(url).hostname;
      expect(hostname === '127.0.0.1' || hostname === '0.0.0.0' || hostname.startsWith('[')).toBe(true);
      const err = await rejectionOf(fetcher.fetch({ url }));
      expect(err.code, url).toBe('ssrf_refused');
    }
    expect(new URL('http://2130706433/').hostname).toBe('127.0.0.1');
    expect(new URL('http://0x7f.1/').hostname).toBe('127.0.0.1');
    expect(server.requests).toHaveLength(0);
  });

  it('guards https the same way (the lookup refuses before any TLS handshake)', async () => {
    server = await startServer({ '/': reply(200, {}, 'secret') });
    fetcher = testFetcher({ dnsLookup: resolveTo('127.0.0.1'), respectRobots: false });
    const err = await rejectionOf(fetcher.fetch({ url: `https://intranet.test:${server.port}/` }));
    expect(err.code).toBe('ssrf_refused');
    expect(server.requests).toHaveLength(0);
  });

  it('checks the robots.txt fetch too (no request of any kind reaches the host)', async () => {
    server = await startServer({ '/robots.txt': reply(200, {}, 'User-agent: *\nAllow: /') });
    fetcher = testFetcher({ dnsLookup: resolveTo('127.0.0.1'), respectRobots: true });
    const err = await rejectionOf(fetcher.fetch({ url: `http://intranet.test:${server.port}/page` }));
    expect(err.code).toBe('ssrf_refused');
    expect(server.requests).toHaveLength(0);
  });

  it('allows a private address when the request or the host is explicitly allowed', async () => {
    server = await startServer({ '/': reply(200, { 'content-type': 'text/plain' }, 'cổng nội bộ') });
    fetcher = testFetcher({ dnsLookup: resolveTo('127.0.0.1'), allowPrivateNetworkHosts: ['Portal.Test'] });
    expect((await fetcher.fetch({ url: `http://portal.test:${server.port}/` })).body).toBe('cổng nội bộ');
    expect((await fetcher.fetch({ url: `http://other.test:${server.port}/`, allowPrivateNetwork: true })).body).toBe('cổng nội bộ');
    expect((await rejectionOf(fetcher.fetch({ url: `http://other.test:${server.port}/` }))).code).toBe('ssrf_refused');
  });

  it('refuses a redirect from an allowed host to a private target', async () => {
    server = await startServer({
      '/to-name': (_req, res) => {
        res.writeHead(302, { location: `http://internal.test:${server!.port}/secret` });
        res.end();
      },
      '/to-literal': (_req, res) => {
        res.writeHead(302, { location: `http://[::ffff:127.0.0.1]:${server!.port}/secret` });
        res.end();
      },
      '/to-decimal': (_req, res) => {
        res.writeHead(301, { location: `http://2130706433:${server!.port}/secret` });
        res.end();
      },
      '/secret': reply(200, {}, 'metadata'),
    });
    fetcher = testFetcher({ dnsLookup: resolveTo('127.0.0.1'), allowPrivateNetworkHosts: ['public.test'] });
    for (const path of ['/to-name', '/to-literal', '/to-decimal']) {
      const err = await rejectionOf(fetcher.fetch({ url: `http://public.test:${server.port}${path}` }));
      expect(err.code, path).toBe('ssrf_refused');
    }
    expect(server.hits('/to-name')).toHaveLength(1);
    expect(server.hits('/secret')).toHaveLength(0);
  });
});
