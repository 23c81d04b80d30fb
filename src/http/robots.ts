/**
 * robots.txt policy (RFC 9309) via the `robots-parser` library, cached per origin.
 *
 * - 2xx: parse and obey the group for our product token (else `*`).
 * - 4xx (incl. 401/403 and 404): no usable rules, everything allowed.
 * - 5xx or unreachable: treat the site as fully disallowed for now (RetryLaterError) and cache
 *   that verdict briefly, so a sick site is not asked again for every URL.
 * Concurrent checks for one origin share one robots.txt fetch.
 */
import robotsParserModule from 'robots-parser';
import { PermanentError, RetryLaterError, TransientError } from '../core/errors.js';

/** What the cache needs from the fetcher: a GET of robots.txt through the guarded path. */
export type RobotsFetch = (robotsUrl: string, allowPrivateNetwork: boolean) => Promise<{ status: number; body: string }>;

/** Settings for {@link RobotsCache}. */
export interface RobotsCacheOptions {
  /** Full User-Agent string; its product token (e.g. `policy-pulse`) selects the group. */
  userAgent: string;
  /** How long a fetched robots.txt stays valid. @defaultValue 24 h */
  ttlMs?: number;
  /** How long a 5xx/unreachable verdict is kept before asking again. @defaultValue 10 min */
  unavailableTtlMs?: number;
  /** Upper bound for Crawl-delay, so a hostile value cannot stall us for hours. @defaultValue 60 s */
  maxCrawlDelayMs?: number;
  now?: () => number;
}

/** Outcome of a robots check for one URL. */
export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay for our group in ms, when the site gives one. */
  crawlDelayMs?: number;
}

/** One parsed robots.txt (the library's `Robot`, whose type it does not export). */
interface Rules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
type RobotsParser = (url: string, contents: string) => Rules;
// The package is CommonJS (`module.exports = fn`) but its typings claim an ES default export.
const robotsParser: RobotsParser =
  (robotsParserModule as unknown as { default?: RobotsParser }).default ?? (robotsParserModule as unknown as RobotsParser);

type Entry =
  | { kind: 'rules'; rules: Rules; expiresAt: number }
  | { kind: 'allow-all'; expiresAt: number }
  | { kind: 'unavailable'; reason: string; expiresAt: number };

/** The product token robots.txt groups are matched on: `policy-pulse/0.1 (+…)` → `policy-pulse`. */
export function productToken(userAgent: string): string {
  const m = /^[A-Za-z0-9_-]+/.exec(userAgent.trim());
  if (!m) throw new RangeError(`userAgent must start with a product token ([A-Za-z0-9_-]+), got "${userAgent}"`);
  return m[0];
}

/** Per-origin robots.txt cache and matcher. */
export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry>>();
  private readonly token: string;
  private readonly ttlMs: number;
  private readonly unavailableTtlMs: number;
  private readonly maxCrawlDelayMs: number;
  private readonly now: () => number;

  constructor(options: RobotsCacheOptions, private readonly fetchRobots: RobotsFetch) {
    this.token = productToken(options.userAgent);
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1_000;
    this.unavailableTtlMs = options.unavailableTtlMs ?? 10 * 60 * 1_000;
    this.maxCrawlDelayMs = options.maxCrawlDelayMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Decides whether `url` may be fetched. Throws RetryLaterError (`robots_unavailable`) while the
   * origin's robots.txt answers 5xx or cannot be reached.
   * @param allowPrivateNetwork - passed on to the robots.txt fetch (same policy as the page)
   */
  async check(url: URL, allowPrivateNetwork = false): Promise<RobotsVerdict> {
    const entry = await this.entryFor(url.origin, allowPrivateNetwork);
    switch (entry.kind) {
      case 'allow-all':
        return { allowed: true };
      case 'unavailable':
        throw new RetryLaterError(
          'robots_unavailable',
          `robots.txt of ${url.origin} unavailable (${entry.reason}); not fetching until it answers`,
          Math.max(1_000, entry.expiresAt - this.now()),
        );
      case 'rules': {
        const allowed = entry.rules.isAllowed(url.href, this.token) !== false;
        const delaySeconds = entry.rules.getCrawlDelay(this.token);
        const verdict: RobotsVerdict = { allowed };
        if (typeof delaySeconds === 'number' && delaySeconds > 0) {
          verdict.crawlDelayMs = Math.min(this.maxCrawlDelayMs, delaySeconds * 1_000);
        }
        return verdict;
      }
    }
  }

  private async entryFor(origin: string, allowPrivateNetwork: boolean): Promise<Entry> {
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > this.now()) return cached;
    let pending = this.inflight.get(origin);
    if (!pending) {
      pending = this.load(origin, allowPrivateNetwork).finally(() => this.inflight.delete(origin));
      this.inflight.set(origin, pending);
    }
    const entry = await pending;
    this.entries.set(origin, entry);
    return entry;
  }

  private async load(origin: string, allowPrivateNetwork: boolean): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    const now = this.now();
    try {
      const res = await this.fetchRobots(robotsUrl, allowPrivateNetwork);
      if (res.status >= 200 && res.status < 300) {
        return { kind: 'rules', rules: robotsParser(robotsUrl, res.body), expiresAt: now + this.ttlMs };
      }
      return { kind: 'allow-all', expiresAt: now + this.ttlMs };
    } catch (err) {
      if (err instanceof PermanentError && /^http_4\d\d$/.test(err.code)) {
        return { kind: 'allow-all', expiresAt: now + this.ttlMs };
      }
      if (err instanceof PermanentError) throw err; // ssrf_refused, bad_scheme …: the page would fail the same way
      const reason = err instanceof TransientError || err instanceof RetryLaterError ? err.code : String(err);
      return { kind: 'unavailable', reason, expiresAt: now + this.unavailableTtlMs };
    }
  }
}
