/**
 * undici Agents whose connector enforces the SSRF policy at connect time.
 *
 * Host names are checked inside the DNS lookup that `net.connect` itself uses, so the address
 * that was checked is the address that is dialled (no DNS-rebinding window). IP-literal hosts
 * skip lookup in `net.connect`, so the connector checks them before dialling. As a last line,
 * the socket's actual peer address is checked once connected.
 */
import { Agent, buildConnector } from 'undici';
import {
  assertLiteralHostAllowed,
  createGuardedLookup,
  forbiddenAddressReason,
  ssrfRefused,
  type DnsLookup,
  type PrivateNetworkPolicy,
} from './ssrf-guard.js';

/** Socket-level settings shared by the guarded and the open agent. */
export interface DispatcherSettings {
  resolve: DnsLookup;
  connectTimeoutMs: number;
  allowedHosts: ReadonlySet<string>;
}

/** Builds an Agent for one policy (all private allowed, or only the named hosts). */
export function createGuardedAgent(settings: DispatcherSettings, allowAll: boolean): Agent {
  const policy: PrivateNetworkPolicy = { allowAll, allowedHosts: settings.allowedHosts };
  const base = buildConnector({
    timeout: settings.connectTimeoutMs,
    lookup: createGuardedLookup(settings.resolve, policy),
  });
  const connector: buildConnector.connector = (options, callback) => {
    try {
      assertLiteralHostAllowed(options.hostname, policy);
    } catch (err) {
      callback(err as Error, null);
      return;
    }
    base(options, (err, socket) => {
      if (err || !socket) {
        callback(err ?? new Error('connect failed'), null);
        return;
      }
      const host = options.hostname.toLowerCase();
      const peer = socket.remoteAddress ?? '';
      if (!policy.allowAll && !policy.allowedHosts.has(host)) {
        const reason = forbiddenAddressReason(peer);
        if (reason) {
          socket.destroy();
          callback(ssrfRefused(options.hostname, peer, reason), null);
          return;
        }
      }
      callback(null, socket);
    });
  };
  return new Agent({ connect: connector, keepAliveTimeout: 4_000 });
}
