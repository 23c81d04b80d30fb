import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, createSqliteStore, readSchemaVersion, runMigrations } from '../../../src/store/sqlite/index.js';
import { buildCorpus } from '../../contract/store-contract-corpus.js';

describe('SQLite schema migrations', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pulse-migrations-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records every version in schema_migrations and PRAGMA user_version', async () => {
    const path = join(dir, 'pulse.db');
    const store = createSqliteStore({ path });
    await store.init();
    const rows = store.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(readSchemaVersion(store.db)).toBe(LATEST_SCHEMA_VERSION);
    await store.close();
  });

  it('re-opens an existing database without re-running migrations and keeps its data', async () => {
    const path = join(dir, 'pulse.db');
    const first = createSqliteStore({ path });
    await first.init();
    const { A } = buildCorpus();
    await first.upsertItems([A]);
    await first.close();

    const second = createSqliteStore({ path });
    await second.init();
    await second.init(); // safe to call twice
    expect(runMigrations(second.db)).toEqual([]);
    expect(second.db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    expect(await second.getItem(A.id)).toEqual(A);
    await second.close();
  });

  it('applies only the steps above the recorded version, each in its own transaction', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 1, name: 'one', sql: 'CREATE TABLE one (x INTEGER)' },
      { version: 2, name: 'two', sql: 'CREATE TABLE two (x INTEGER)' },
    ];
    expect(runMigrations(db, steps.slice(0, 1)).map((m) => m.version)).toEqual([1]);
    expect(runMigrations(db, steps).map((m) => m.version)).toEqual([2]);
    expect(readSchemaVersion(db)).toBe(2);
    const broken = [...steps, { version: 3, name: 'broken', sql: 'CREATE TABLE three (x INTEGER); THIS IS NOT SQL' }];
    expect(() => runMigrations(db, broken)).toThrow();
    expect(readSchemaVersion(db)).toBe(2);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'three'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a file written by a newer build', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    expect(() => runMigrations(db)).toThrow(/newer than this build/);
    db.close();
  });

  it('turns on WAL, NORMAL sync, foreign keys and a busy timeout for file databases', async () => {
    const store = createSqliteStore({ path: join(dir, 'wal.db') });
    await store.init();
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    await store.close();
  });

  it('opens read-only: reads work, writes are refused with a clear error', async () => {
    const path = join(dir, 'ro.db');
    const writer = createSqliteStore({ path });
    await writer.init();
    const { A } = buildCorpus();
    await writer.upsertItems([A]);
    const reader = createSqliteStore({ path, readonly: true });
    await reader.init();
    expect((await reader.getItem(A.id))?.title).toBe(A.title);
    expect((await reader.search({ text: 'duong sat' })).total).toBe(1);
    await expect(reader.upsertItems([A])).rejects.toThrow(/read-only/);
    await expect(reader.updateSourceHealth('vnexpress', { lastStatus: 'ok' })).rejects.toThrow(/readonly/i);
    await reader.close();
    await writer.close();
  });

  it('asks for init() before use', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    await expect(store.countItems()).rejects.toThrow(/init\(\)/);
    await store.close();
  });
});
