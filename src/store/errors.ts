/**
 * A database that cannot be reached or opened at start, said in one sentence an operator can act
 * on. The message names the server and database, never the user's password.
 */
export class DatabaseUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailable';
  }
}

/** `host:port/database` of a connection URL: where, without who or with what password. */
export function databaseLocation(url: string): string {
  try {
    const parsed = new URL(url);
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default database)';
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}/${database}`;
  } catch {
    return '(an unreadable URL)';
  }
}

/** Why a connection failed, from the driver's error code, in words that say what to check. */
export function connectionProblem(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'nothing is listening there';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'ETIMEDOUT':
      return 'the server did not answer in time';
    case '28P01':
    case '28000':
      return 'the server refused the user name or password';
    case '3D000':
      return 'the database does not exist (create it first)';
    case '42501':
      return 'the user may not create the tables paperbot needs';
    default:
      if (error instanceof Error && /timeout/i.test(error.message)) return 'the server did not answer in time';
      return typeof code === 'string' ? `the connection failed (${code})` : 'the connection failed';
  }
}
