/** Where the console puts a reply's files: a folder next to the database, never overwriting one. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ReplyFile } from '../../core/reply.js';

export function saveExport(dir: string, file: ReplyFile): string {
  mkdirSync(dir, { recursive: true });
  // The name is ours, but keep only its last part all the same.
  const name = basename(file.name);
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let path = join(dir, name);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${stem}-${n}${ext}`);
  writeFileSync(path, file.content, { flag: 'wx' });
  return path;
}
