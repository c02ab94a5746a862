/**
 * Opens the store the configuration asks for: Postgres when a `DATABASE_URL` is set, else the
 * embedded SQLite file.
 */
import type { Logger } from '../core/logger.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export interface StoreSettings {
  /** `postgres://…`; the SQLite file is used without it. */
  databaseUrl?: string;
  databaseFile: string;
}

export async function openStore(settings: StoreSettings, logger?: Logger): Promise<Store> {
  if (settings.databaseUrl) {
    // Loaded only when asked for: the driver costs start-up time a SQLite bot never needs.
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(settings.databaseUrl, logger ? { logger } : {});
  }
  return openSqliteStore(settings.databaseFile);
}
