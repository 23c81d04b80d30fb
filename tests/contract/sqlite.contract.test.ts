import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { describeStoreContract } from './store-contract.js';

// Every store gets its own file in one temp directory, so WAL and the real file paths are exercised.
const dir = mkdtempSync(join(tmpdir(), 'pulse-sqlite-contract-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract('sqlite (temp file)', async () => {
  const store = createSqliteStore({ path: join(dir, `store-${++counter}.db`) });
  await store.init();
  return { store, cleanup: () => store.close() };
});
