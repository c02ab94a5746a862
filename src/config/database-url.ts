/**
 * `DATABASE_URL`: a Postgres connection URL, which holds a password. It is checked for its form
 * only (the server is asked at start), and shown with the password replaced.
 */
import { z } from 'zod';

export const DATABASE_URL_MESSAGE = 'must be a Postgres connection URL such as postgres://paperbot:PASSWORD@db.example:5432/paperbot (or unset, for the SQLite file in PAPERBOT_STATE_DIR)';

export function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
  } catch {
    return false;
  }
}

export function postgresUrl(message: string) {
  return z.string().refine(isPostgresUrl, message);
}

/** The URL with its password replaced, for logs. */
export function redactDatabaseUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(not a URL)';
  }
}
