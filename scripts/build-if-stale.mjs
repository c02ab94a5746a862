#!/usr/bin/env node
/**
 * Compiles the TypeScript only when a source is newer than the last build, so `npm start` and
 * `npm test` do not pay for a full compile every time (7–19 s on a 2-core machine).
 *
 *   node scripts/build-if-stale.mjs           build if stale
 *   node scripts/build-if-stale.mjs --force   always build
 *   node scripts/build-if-stale.mjs --check   exit 1 if stale, build nothing
 *
 * The stamp in dist/ records the list of inputs, so a deleted or renamed source also counts as a
 * change (and the old output is cleared, so it cannot be imported by mistake).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stampFile = join(dist, '.build-stamp');
const INPUT_DIRS = ['src', 'commands', 'bench'];
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json'];

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

function inputs() {
  const files = [...INPUT_DIRS.flatMap((dir) => walk(join(root, dir))), ...INPUT_FILES.map((file) => join(root, file))].sort();
  const list = createHash('sha256').update(files.map((file) => relative(root, file)).join('\n')).digest('hex');
  const newest = Math.max(...files.map((file) => statSync(file).mtimeMs));
  return { list, newest };
}

function stale() {
  if (!existsSync(stampFile)) return 'no build yet';
  const { list, newest } = inputs();
  if (readFileSync(stampFile, 'utf8').trim() !== list) return 'sources added or removed';
  if (newest > statSync(stampFile).mtimeMs) return 'sources changed';
  return undefined;
}

const mode = process.argv[2];
const reason = mode === '--force' ? 'forced' : stale();
if (mode === '--check') {
  if (reason) console.error(`paperbot: the build is out of date (${reason}); run npm run build`);
  process.exit(reason ? 1 : 0);
}
if (reason) {
  const before = inputs();
  if (reason === 'sources added or removed') rmSync(dist, { recursive: true, force: true });
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, `${before.list}\n`);
}
