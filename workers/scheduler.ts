import type { AppContext } from '../src/app/context.js';
import { jobIds } from '../src/queue/jobs.js';

/** Options of the scheduler role. */
export interface SchedulerOptions {
  /** How often due sources are checked. @defaultValue 10000 */
  tickMs?: number;
}

/**
 * Start the `scheduler` role: queue a crawl for every enabled source whose adaptive next-poll
 * time has come. The job id is derived from that due time, so two schedulers (or a restart)
 * queue each poll once.
 */
export function startScheduler(ctx: AppContext, opts: SchedulerOptions = {}) {
  const tickMs = opts.tickMs ?? 10_000;
  let running = false;
  async function tick(): Promise<number> {
    if (running) return 0;
    running = true;
    try {
      const now = Date.now();
      const health = new Map((await ctx.store.listSourceHealth()).map((h) => [h.sourceId, h]));
      let queued = 0;
      for (const source of ctx.sources) {
        if (!source.enabled) continue;
        const h = health.get(source.id);
        const due = h?.nextPollAt ? Date.parse(h.nextPollAt) : 0;
        if (due > now) continue;
        // A never-polled source gets a slot per minimum interval, so a wiped store polls again.
        const slot = h?.nextPollAt ? `due${due}` : `init${Math.floor(now / (source.pollMinutes.min * 60_000))}`;
        await ctx.queues.crawl.add('crawl', { sourceId: source.id, reason: 'scheduled' }, { jobId: jobIds.crawl(source.id, slot) });
        queued++;
      }
      return queued;
    } catch (err) {
      ctx.logger.error({ err: (err as Error).message }, 'scheduler tick failed');
      return 0;
    } finally {
      running = false;
    }
  }
  const timer = setInterval(() => void tick(), tickMs);
  void tick();
  return {
    tick,
    async close() {
      clearInterval(timer);
    },
  };
}
