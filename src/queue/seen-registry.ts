import type { Redis } from 'ioredis';

/**
 * URLs whose article is already in the pipeline or stored, by item id of the discovered URL.
 * It lets a poll skip entries that are in flight, or whose page declared another canonical URL,
 * without asking the Store; the Store's own ids remain the authority.
 */
export function createSeenRegistry(redis: Redis, prefix: string) {
  const key = `${prefix}:seen-urls`;
  return {
    /** Ids among `ids` already registered. */
    async filterSeen(ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const flags = (await redis.call('SMISMEMBER', key, ...ids)) as number[];
      return new Set(ids.filter((_, i) => flags[i] === 1));
    },
    async add(...ids: string[]): Promise<void> {
      if (ids.length > 0) await redis.sadd(key, ...ids);
    },
    async size(): Promise<number> {
      return redis.scard(key);
    },
  };
}

export type SeenRegistry = ReturnType<typeof createSeenRegistry>;
