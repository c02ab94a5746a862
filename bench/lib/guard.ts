/**
 * Child processes of the benchmark must load synthetic corpora from their snapshot: without one,
 * loading means parsing, and the corpus merge is quadratic (hours at 100,000 papers). Fail fast.
 */
import { hasKey, snapshotFile, snapshotKey } from '../../src/search/snapshot.js';

export function requireSnapshot(dataDir: string, cacheDir: string | false): void {
  if (!/corpus-\d+[km]$/.test(dataDir)) return;
  if (cacheDir === false || !hasKey(snapshotFile(cacheDir, dataDir), snapshotKey(dataDir))) {
    process.stderr.write(`no valid snapshot for ${dataDir}; run the snapshot benchmark first (or do not rebuild during a run)\n`);
    process.exit(3);
  }
}
