/**
 * One memory measurement in a fresh process (run with --expose-gc): load a corpus the way the
 * bot does, answer the query set once, collect garbage, report heap and RSS.
 * argv: <dataDir> <cacheDir|off>
 */
import { loadLibrary } from '../src/load-library.js';
import { requireSnapshot } from './lib/guard.js';
import { QUERIES } from './queries.js';

const [dataDir = 'data', cacheDir = 'off'] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
requireSnapshot(dataDir, cacheDir === 'off' ? false : cacheDir);
const { library, index } = loadLibrary(dataDir, undefined, { cacheDir: cacheDir === 'off' ? false : cacheDir });
for (const { q } of QUERIES) library.search(q, { limit: 5 });
gc();
gc();
const m = process.memoryUsage();
process.stdout.write(`${JSON.stringify({ source: index?.source, heapMB: m.heapUsed / 2 ** 20, rssMB: m.rss / 2 ** 20, externalMB: (m.external + m.arrayBuffers) / 2 ** 20 })}\n`);
