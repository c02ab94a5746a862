export * from './types.js';
export { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './sqlite.js';
export { migrate, migrations, type Migration } from './migrations.js';
