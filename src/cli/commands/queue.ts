import type { Command } from 'commander';
import { createRedisConnection } from '../../queue/connection.js';
import { QUEUE_NAMES, type QueueName } from '../../queue/jobs.js';
import { closeQueues, createQueues, queueStats } from '../../queue/queues.js';
import { loadEnv } from '../../config/env.js';
import { resolveRunningRedisUrl } from '../../redis/private-redis.js';
import { printTable } from '../table.js';

async function withQueues<T>(prefix: string, fn: (q: ReturnType<typeof createQueues>) => Promise<T>): Promise<T> {
  const env = loadEnv();
  const redis = createRedisConnection(resolveRunningRedisUrl({ redisUrl: env.REDIS_URL, dataDir: env.PULSE_DATA_DIR }));
  const queues = createQueues(redis, prefix);
  try {
    return await fn(queues);
  } finally {
    await closeQueues(queues);
    redis.disconnect();
  }
}

function pickQueues(name?: string): QueueName[] {
  if (!name) return [...QUEUE_NAMES];
  if (!(QUEUE_NAMES as readonly string[]).includes(name)) throw new Error(`unknown queue "${name}" (known: ${QUEUE_NAMES.join(', ')})`);
  return [name as QueueName];
}

/** `pulse queue stats`, `pulse failed list|retry`: queue monitoring and the quarantine. */
export function registerQueue(program: Command): void {
  const queue = program.command('queue').description('hàng đợi / queues');
  queue
    .command('stats')
    .option('--prefix <p>', 'queue key prefix', 'pulse')
    .description('job counts per queue')
    .action(async (o: { prefix: string }) => {
      const rows = await withQueues(o.prefix, queueStats);
      printTable(rows.map((r) => ({ ...r })));
    });

  const failed = program.command('failed').description('việc lỗi (cách ly) / failed jobs (quarantine)');
  failed
    .command('list')
    .option('--queue <name>', 'only this queue')
    .option('--prefix <p>', 'queue key prefix', 'pulse')
    .option('--limit <n>', 'rows per queue', '50')
    .action(async (o: { queue?: string; prefix: string; limit: string }) => {
      await withQueues(o.prefix, async (qs) => {
        const rows: Record<string, unknown>[] = [];
        for (const name of pickQueues(o.queue)) {
          for (const job of await qs[name].getFailed(0, Number(o.limit) - 1)) {
            rows.push({ queue: name, id: job.id, attempts: job.attemptsMade, failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : '', reason: (job.failedReason ?? '').slice(0, 100) });
          }
        }
        if (rows.length === 0) process.stdout.write('Không có việc lỗi / no failed jobs\n');
        else printTable(rows);
      });
    });
  failed
    .command('retry')
    .option('--queue <name>', 'only this queue')
    .option('--id <jobId>', 'only this job')
    .option('--prefix <p>', 'queue key prefix', 'pulse')
    .action(async (o: { queue?: string; id?: string; prefix: string }) => {
      await withQueues(o.prefix, async (qs) => {
        let retried = 0;
        for (const name of pickQueues(o.queue)) {
          const jobs = o.id ? [await qs[name].getJob(o.id)].filter((j) => j !== undefined) : await qs[name].getFailed(0, -1);
          for (const job of jobs) {
            if ((await job.getState()) !== 'failed') continue;
            await job.retry('failed');
            retried++;
          }
        }
        process.stdout.write(`Đã thử lại / retried: ${retried}\n`);
      });
    });
}
