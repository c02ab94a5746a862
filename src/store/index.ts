export * from './types.js';
export { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './sqlite.js';
// Postgres is imported from './postgres.js' directly, or by `openStore` when a URL is set: the SQLite
// default never loads the driver.
export type { PostgresStore, PostgresStoreOptions } from './postgres.js';
export { openStore, type StoreSettings } from './open.js';
export { DatabaseUnavailable, databaseLocation } from './errors.js';
export { migrate, migrations, type Migration } from './migrations.js';
