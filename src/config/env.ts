import { z } from 'zod';

/**
 * Environment variables, validated once at start-up. Secrets come only from here.
 * Each field names its variable; defaults suit one machine running the embedded store.
 */
export const envSchema = z.object({
  /** `development` allows a localhost-only server without login. @defaultValue 'production' */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** Redis for BullMQ. When unset, `pulse start` launches a private redis-server under `data/`. */
  REDIS_URL: z.string().url().optional(),
  /** Which Store adapter to use. @defaultValue 'sqlite' */
  PULSE_STORE: z.enum(['sqlite', 'elasticsearch']).default('sqlite'),
  /** SQLite database file. @defaultValue 'data/pulse.db' */
  PULSE_SQLITE_PATH: z.string().default('data/pulse.db'),
  /** Data directory (SQLite, private Redis, reports). @defaultValue 'data' */
  PULSE_DATA_DIR: z.string().default('data'),
  /** Folder holding sources.yaml, topics.yaml, lexicon/, alerts.yaml. @defaultValue 'config' */
  PULSE_CONFIG_DIR: z.string().default('config'),
  /** Sources file; defaults to `<PULSE_CONFIG_DIR>/sources.yaml`. */
  PULSE_SOURCES_FILE: z.string().optional(),
  /** Redis key prefix of the queues (several deployments can share one Redis). @defaultValue 'pulse' */
  PULSE_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default('pulse'),
  ELASTICSEARCH_URL: z.string().url().optional(),
  ELASTICSEARCH_USERNAME: z.string().optional(),
  ELASTICSEARCH_PASSWORD: z.string().optional(),
  ELASTICSEARCH_API_KEY: z.string().optional(),
  /** Prefix of index names and aliases. @defaultValue 'pulse' */
  ELASTICSEARCH_INDEX_PREFIX: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/).default('pulse'),
  /** Months of items kept in Elasticsearch (0 = keep forever). @defaultValue 0 */
  ELASTICSEARCH_RETENTION_MONTHS: z.coerce.number().int().min(0).default(0),
  /** HTTP server bind address and port. @defaultValue '127.0.0.1', 8080 */
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Comma-separated roles this process runs: crawl, fetch, analyse, index, scheduler, server. @defaultValue all */
  PULSE_ROLES: z.string().default('all'),
  /** User agent for crawling (robots.txt is matched against its product token). */
  PULSE_USER_AGENT: z.string().default('policy-pulse/0.1 (+https://github.com/policy-pulse; media monitoring)'),
  /** Minimum milliseconds between two requests to one host (politeness). @defaultValue 1000 */
  PULSE_HOST_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  /** Concurrent requests to one host. @defaultValue 2 */
  PULSE_HOST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** First admin account, created at server start when no admin exists (then remove from env). */
  PULSE_ADMIN_USER: z.string().min(2).optional(),
  PULSE_ADMIN_PASSWORD: z.string().min(10).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Validated environment. */
export type Env = Readonly<z.infer<typeof envSchema>>;

/** Parse and freeze the environment; throws one error listing every bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}
