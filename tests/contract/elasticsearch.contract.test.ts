/**
 * The Store contract against a REAL Elasticsearch node (never a mock).
 *
 * Node: `ELASTICSEARCH_URL`, default http://127.0.0.1:9250 (started by
 * `tests/elasticsearch-node/start.sh`). An unreachable node FAILS this file; the only way out is
 * the explicit opt-out `PULSE_SKIP_ES=1`, which reports the cases as skipped, never as passed.
 */
import { randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createElasticsearchStore } from '../../src/store/elasticsearch/index.js';
import { describeStoreContract } from './store-contract.js';

const url = process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9250';
const skip = process.env.PULSE_SKIP_ES === '1';
const runId = `test-${randomUUID()}`;
let counter = 0;
const admin = new Client({ node: url, maxRetries: 0, requestTimeout: 30_000 });

if (skip) {
  // Reason for the skip: PULSE_SKIP_ES=1 is an explicit developer opt-out for machines without
  // Java/Maven; it shows up as one skipped case, never as passes. `.ci/run` unsets it, so CI
  // always runs the contract on the real node.
  describe(`Store contract: elasticsearch (${url})`, () => {
    it.skip('skipped by PULSE_SKIP_ES=1: no Elasticsearch node on this machine', () => undefined);
  });
} else {
  beforeAll(async () => {
    try {
      await admin.cluster.health({ wait_for_status: 'yellow', timeout: '10s' });
    } catch (error) {
      throw new Error(
        `Elasticsearch is not reachable at ${url} (${(error as Error).message}). Start one with ` +
          'tests/elasticsearch-node/start.sh, point ELASTICSEARCH_URL at a live cluster, or set PULSE_SKIP_ES=1 to skip explicitly.',
      );
    }
  });
  afterAll(async () => {
    await admin.indices.delete({ index: `${runId}-*`, ignore_unavailable: true, allow_no_indices: true }).catch(() => undefined);
    await admin.indices.deleteIndexTemplate({ name: `${runId}-*` }).catch(() => undefined);
    await admin.close();
  });

  describeStoreContract(`elasticsearch (${url})`, async () => {
    const prefix = `${runId}-${++counter}`;
    const store = createElasticsearchStore({ node: url, indexPrefix: prefix, index: { replicas: 0, refreshInterval: '100ms' } });
    await store.init();
    return {
      store,
      cleanup: async () => {
        await store.close();
        await admin.indices.delete({ index: `${prefix}-*`, ignore_unavailable: true, allow_no_indices: true });
        await admin.indices.deleteIndexTemplate({ name: `${prefix}-items` });
      },
    };
  });
}
