import { randomUUID } from 'node:crypto';

/** Redis for integration tests: the suite's global setup guarantees one; missing means a loud failure. */
export function testRedisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is not set: the integration suites need a real Redis (tests/setup/services.ts starts one)');
  return url;
}

/** A queue prefix no other test run shares. */
export function uniquePrefix(): string {
  return `test-${randomUUID().slice(0, 8)}`;
}
