/** Embedded SQLite adapter of the Store port. */
export { createSqliteStore, type SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
export { LATEST_SCHEMA_VERSION, MIGRATIONS, runMigrations, readSchemaVersion } from './schema/migrations.js';
export { UNLABELLED_KEY } from './series.js';
