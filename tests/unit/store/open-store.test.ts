import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../../../src/config/env.js';
import { openStore } from '../../../src/store/open-store.js';
import { buildCorpus } from '../../contract/store-contract-corpus.js';

describe('openStore', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pulse-open-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens an initialised SQLite store by default, creating the parent directory', async () => {
    const path = join(dir, 'nested', 'deeper', 'pulse.db');
    const store = await openStore(loadEnv({ PULSE_SQLITE_PATH: path }));
    const { A } = buildCorpus();
    expect((await store.upsertItems([A])).inserted).toBe(1);
    await store.close();
    expect(existsSync(path)).toBe(true);

    const reopened = await openStore(loadEnv({ PULSE_SQLITE_PATH: path }));
    expect(await reopened.getItem(A.id)).toEqual(A);
    await reopened.close();
  });

  it('asks for ELASTICSEARCH_URL when the Elasticsearch store is chosen without one', async () => {
    await expect(openStore(loadEnv({ PULSE_STORE: 'elasticsearch' }))).rejects.toThrow(/ELASTICSEARCH_URL/);
  });
});
