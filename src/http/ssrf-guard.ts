/**
 * SSRF guard: decides which IP addresses the crawler may connect to, and plugs that decision
 * into the socket layer (DNS lookup + connect) so there is no gap between check and connect.
 *
 * Policy is deny-by-default: only addresses that ipaddr.js classifies as plain `unicast` pass.
 * Addresses that embed an IPv4 address (IPv4-mapped, NAT64, 6to4, IPv4-compatible) are judged by
 * the embedded IPv4 address, so `::ffff:10.0.0.1` or `64:ff9b::a9fe:a9fe` cannot sneak through.
 */
import { lookup as systemLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { PermanentError } from '../core/errors.js';

/** One resolved address, as returned by a {@link DnsLookup}. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (tests stub this to stand in for the internet's DNS). */
export type DnsLookup = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver (`getaddrinfo`), all addresses, in the order the system prefers. */
export const systemDnsLookup: DnsLookup = async (hostname) => {
  const found = await systemLookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * Why an address is forbidden, or `null` when it is an ordinary public unicast address.
 * Unparseable input is forbidden (`invalid`): when in doubt, refuse.
 */
export function forbiddenAddressReason(address: string): string | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  // Zone ids (fe80::1%eth0) only ever appear on link-local addresses.
  if (bare.includes('%')) return 'linkLocal';
  if (!isIP(bare)) return 'invalid';
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv4') {
    const range = parsed.range();
    return range === 'unicast' ? null : range;
  }
  const v6 = parsed as ipaddr.IPv6;
  const embedded = embeddedIpv4(v6);
  if (embedded) {
    const inner = forbiddenAddressReason(embedded.toString());
    return inner === null ? null : `${v6.range()}:${inner}`;
  }
  const range = v6.range();
  return range === 'unicast' ? null : range;
}

/** The IPv4 address carried inside an IPv6 address by the common transition forms, if any. */
function embeddedIpv4(v6: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = v6.range();
  const b = v6.toByteArray();
  const last4 = (): ipaddr.IPv4 => new ipaddr.IPv4(b.slice(12, 16));
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return last4();
  if (range === '6to4') return new ipaddr.IPv4(b.slice(2, 6));
  // Deprecated IPv4-compatible form ::a.b.c.d (but not :: or ::1, which ranges already cover).
  if (b.slice(0, 12).every((x) => x === 0) && range === 'unicast') return last4();
  return null;
}

/** Who may reach private addresses: every host, or only the named ones. */
export interface PrivateNetworkPolicy {
  /** Skip all address checks (the request said `allowPrivateNetwork`). */
  allowAll: boolean;
  /** Lower-case host names whose addresses are not checked. */
  allowedHosts: ReadonlySet<string>;
}

/** The error every refusal throws, so callers can recognise it wherever it surfaces. */
export function ssrfRefused(host: string, address: string, reason: string): PermanentError {
  return new PermanentError(
    'ssrf_refused',
    `refused to connect to ${host} (${address}): ${reason} address; allow it explicitly with allowPrivateNetwork`,
  );
}

/** Throws when a URL's host is an IP literal the policy forbids (hosts that need DNS are checked at connect). */
export function assertLiteralHostAllowed(hostname: string, policy: PrivateNetworkPolicy): void {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (policy.allowAll || !isIP(bare) || policy.allowedHosts.has(bare.toLowerCase())) return;
  const reason = forbiddenAddressReason(bare);
  if (reason) throw ssrfRefused(hostname, bare, reason);
}

/**
 * A `net.connect` lookup function that resolves with `resolve` and refuses the whole name when
 * any of its addresses is forbidden (a name that mixes public and private addresses is a
 * rebinding trick, not a real site). Handles both the `all: true` form used by Happy Eyeballs
 * (`autoSelectFamily`) and the single-address form.
 */
export function createGuardedLookup(resolve: DnsLookup, policy: PrivateNetworkPolicy): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    resolve(hostname)
      .then((all) => {
        const skipChecks = policy.allowAll || policy.allowedHosts.has(hostname.toLowerCase());
        if (!skipChecks) {
          for (const a of all) {
            const reason = forbiddenAddressReason(a.address);
            if (reason) throw ssrfRefused(hostname, a.address, reason);
          }
        }
        const usable = family === 4 || family === 6 ? all.filter((a) => a.family === family) : all;
        if (usable.length === 0) {
          throw Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
        }
        if (options.all) callback(null, usable as LookupAddress[]);
        else callback(null, usable[0]!.address, usable[0]!.family);
      })
      .catch((err: NodeJS.ErrnoException) => callback(err, '', 0));
  };
}
