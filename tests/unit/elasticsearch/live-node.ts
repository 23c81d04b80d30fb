/**
 * Shared set-up for tests that need the real Elasticsearch node: its URL, a fail-loudly
 * reachability check (PULSE_SKIP_ES=1 is the only, explicit, way to skip) and throw-away stores.
 */
import { randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { createElasticsearchStore, type ElasticsearchStore, type ElasticsearchStoreOptions } from '../../../src/store/elasticsearch/index.js';

/** URL of the node under test. */
export const ES_URL = process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9250';
/** True only when the user explicitly opted out. */
export const SKIP_ES = process.env.PULSE_SKIP_ES === '1';

/** Throws a clear error when the node does not answer. */
export async function assertNodeReachable(client: Client): Promise<void> {
  try {
    await client.cluster.health({ wait_for_status: 'yellow', timeout: '10s' });
  } catch (error) {
    throw new Error(
      `Elasticsearch is not reachable at ${ES_URL} (${(error as Error).message}). Start tests/elasticsearch-node/start.sh, ` +
        'set ELASTICSEARCH_URL, or set PULSE_SKIP_ES=1 to skip explicitly.',
    );
  }
}

/** A fresh initialised store under a unique prefix, and its cleanup. */
export async function freshStore(admin: Client, over: Partial<ElasticsearchStoreOptions> = {}): Promise<{ store: ElasticsearchStore; prefix: string; cleanup: () => Promise<void> }> {
  const prefix = `test-${randomUUID()}`;
  const store = createElasticsearchStore({ node: ES_URL, indexPrefix: prefix, index: { replicas: 0, refreshInterval: '100ms' }, ...over });
  await store.init();
  return {
    store,
    prefix,
    cleanup: async () => {
      await store.close();
      await admin.indices.delete({ index: `${prefix}-*`, ignore_unavailable: true, allow_no_indices: true });
      await admin.indices.deleteIndexTemplate({ name: `${prefix}-items` }).catch(() => undefined);
    },
  };
}
