export * from './types.js';
export { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './sqlite.js';
export { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from './postgres.js';
export { openStore, type StoreSettings } from './open.js';
export { DatabaseUnavailable, databaseLocation } from './errors.js';
export { migrate, migrations, type Migration } from './migrations.js';
export { migratePostgres, postgresMigrations } from './postgres-migrations.js';
