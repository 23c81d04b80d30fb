import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Env } from '../config/env.js';
import type { Store } from './store.js';
import { createSqliteStore } from './sqlite/index.js';

/**
 * Open the Store the environment asks for (`PULSE_STORE`) and run its `init()`, so callers get
 * a ready store and switching backends needs no code change.
 *
 * - `sqlite`: the file at `PULSE_SQLITE_PATH`, creating its parent directory.
 * - `elasticsearch`: the node at `ELASTICSEARCH_URL`; the adapter is loaded lazily so SQLite-only
 *   installs never load the Elasticsearch client.
 *
 * @example
 * const store = await openStore(loadEnv());
 */
export async function openStore(env: Env): Promise<Store> {
  const store = env.PULSE_STORE === 'elasticsearch' ? await openElasticsearch(env) : openSqlite(env);
  try {
    await store.init();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

function openSqlite(env: Env): Store {
  const path = env.PULSE_SQLITE_PATH;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return createSqliteStore({ path });
}

async function openElasticsearch(env: Env): Promise<Store> {
  if (!env.ELASTICSEARCH_URL) {
    throw new Error('PULSE_STORE=elasticsearch needs ELASTICSEARCH_URL (e.g. http://127.0.0.1:9200)');
  }
  const { createElasticsearchStore } = await import('./elasticsearch/index.js');
  return createElasticsearchStore({
    node: env.ELASTICSEARCH_URL,
    indexPrefix: env.ELASTICSEARCH_INDEX_PREFIX,
    auth: elasticsearchAuth(env),
    retentionMonths: env.ELASTICSEARCH_RETENTION_MONTHS,
  });
}

/** API key wins over basic auth; neither means an unsecured local node. */
function elasticsearchAuth(env: Env): { apiKey: string } | { username: string; password: string } | undefined {
  if (env.ELASTICSEARCH_API_KEY) return { apiKey: env.ELASTICSEARCH_API_KEY };
  if (env.ELASTICSEARCH_USERNAME) return { username: env.ELASTICSEARCH_USERNAME, password: env.ELASTICSEARCH_PASSWORD ?? '' };
  return undefined;
}
