/**
 * Per-host politeness: at most N requests in flight to one host, and a minimum spacing between
 * request starts. Waiters are served first come, first served.
 */

interface Waiter {
  resolve: (release: () => void) => void;
}

interface HostState {
  active: number;
  lastStartMs: number;
  /** Extra spacing asked by the site itself (robots.txt Crawl-delay). */
  siteDelayMs: number;
  queue: Waiter[];
  timer: NodeJS.Timeout | null;
}

/** Settings for {@link HostLimiter}. */
export interface HostLimiterOptions {
  /** Requests in flight per host. */
  concurrency: number;
  /** Minimum ms between two request starts to one host; 0 disables spacing. */
  minDelayMs: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

/** Hosts tracked before idle ones are forgotten (bounds memory on long crawls of many sites). */
const PRUNE_THRESHOLD = 2_000;

/** Queues requests per host so that concurrency and spacing limits hold. */
export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();
  private readonly now: () => number;

  constructor(private readonly options: HostLimiterOptions) {
    if (!(options.concurrency >= 1)) throw new RangeError(`perHostConcurrency must be >= 1, got ${options.concurrency}`);
    if (!(options.minDelayMs >= 0)) throw new RangeError(`perHostDelayMs must be >= 0, got ${options.minDelayMs}`);
    this.now = options.now ?? Date.now;
  }

  /** Raises the spacing for one host (Crawl-delay); the larger of this and the global delay applies. */
  setSiteDelay(host: string, delayMs: number): void {
    this.state(host).siteDelayMs = Math.max(0, delayMs);
  }

  /** Waits for a slot on `host`; call the returned function exactly once when the request is done. */
  acquire(host: string): Promise<() => void> {
    const state = this.state(host);
    return new Promise((resolve) => {
      state.queue.push({ resolve });
      this.pump(host, state);
    });
  }

  /** Cancels pending timers (waiters still queued are left pending: call only on shutdown). */
  close(): void {
    for (const s of this.hosts.values()) if (s.timer) clearTimeout(s.timer);
  }

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      if (this.hosts.size >= PRUNE_THRESHOLD) this.prune();
      s = { active: 0, lastStartMs: -Infinity, siteDelayMs: 0, queue: [], timer: null };
      this.hosts.set(host, s);
    }
    return s;
  }

  private pump(host: string, s: HostState): void {
    if (s.timer) return;
    const spacing = Math.max(this.options.minDelayMs, s.siteDelayMs);
    while (s.queue.length > 0 && s.active < this.options.concurrency) {
      const waitMs = s.lastStartMs + spacing - this.now();
      if (waitMs > 0) {
        s.timer = setTimeout(() => {
          s.timer = null;
          this.pump(host, s);
        }, waitMs);
        return;
      }
      const waiter = s.queue.shift()!;
      s.active++;
      s.lastStartMs = this.now();
      let released = false;
      waiter.resolve(() => {
        if (released) return;
        released = true;
        s.active--;
        this.pump(host, s);
      });
    }
  }

  private prune(): void {
    const now = this.now();
    for (const [host, s] of this.hosts) {
      const spacing = Math.max(this.options.minDelayMs, s.siteDelayMs);
      if (s.active === 0 && s.queue.length === 0 && !s.timer && now - s.lastStartMs > spacing) {
        this.hosts.delete(host);
      }
    }
  }
}
