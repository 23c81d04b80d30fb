import type { AppContext } from './context.js';
import { QUEUE_NAMES } from '../queue/jobs.js';

/** Jobs still to run across the pipeline (waiting, active, delayed, prioritized). */
export async function pendingJobs(ctx: AppContext): Promise<number> {
  let total = 0;
  for (const name of QUEUE_NAMES) {
    const c = await ctx.queues[name].getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    total += Object.values(c).reduce((a, b) => a + b, 0);
  }
  return total;
}

/**
 * Wait until every enabled source has been polled at least once and the pipeline is idle
 * (twice in a row, so a job handed from one queue to the next is not missed).
 * @returns items stored when idle.
 */
export async function waitForIdle(
  ctx: AppContext,
  opts: { timeoutMs: number; pollMs?: number; onTick?: (stored: number, pending: number) => void },
): Promise<number> {
  const deadline = Date.now() + opts.timeoutMs;
  let idleStreak = 0;
  while (Date.now() < deadline) {
    const [pending, health, stored] = await Promise.all([pendingJobs(ctx), ctx.store.listSourceHealth(), ctx.store.countItems()]);
    opts.onTick?.(stored, pending);
    const polled = new Set(health.filter((h) => h.lastPollAt).map((h) => h.sourceId));
    const allPolled = ctx.sources.filter((s) => s.enabled).every((s) => polled.has(s.id));
    idleStreak = allPolled && pending === 0 ? idleStreak + 1 : 0;
    if (idleStreak >= 2) return stored;
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 250));
  }
  throw new Error(`pipeline not idle after ${opts.timeoutMs} ms (${await pendingJobs(ctx)} jobs pending)`);
}
