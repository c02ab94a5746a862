/**
 * Local development convenience: reads `.env` into the environment without ever replacing a value
 * the real environment already has (deployments set real variables; `.env` only fills gaps).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';

export interface DotenvResult {
  path: string;
  /** Whether the file existed. */
  found: boolean;
  /** Names (never values) of the variables taken from the file. */
  loaded: string[];
}

export function loadDotenv(
  options: { path?: string; env?: Record<string, string | undefined> } = {},
): DotenvResult {
  const path = resolve(options.path ?? '.env');
  const env = options.env ?? process.env;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, found: false, loaded: [] };
    throw error;
  }
  const loaded: string[] = [];
  for (const [name, value] of Object.entries(parse(text))) {
    if (Object.prototype.hasOwnProperty.call(env, name)) continue; // the real environment wins, even when empty
    env[name] = value;
    loaded.push(name);
  }
  return { path, found: true, loaded };
}
