/**
 * One memory measurement in a fresh process (run with --expose-gc): load a corpus the way the
 * bot does, warm it as the bot does, answer the measured query set once, collect garbage, report
 * heap and RSS.
 * argv: <dataDir> <cacheDir|off>
 */
import { loadLibrary } from '../src/load-library.js';
import { DEFAULT_DATA_DIR } from '../src/paths.js';
import { loadCorpus } from '../src/corpus/index.js';
import { requireSnapshot } from './lib/guard.js';
import { measuredQueries } from './lib/query-set.js';

const [dataDir = 'data', cacheDir = 'off'] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
requireSnapshot(dataDir, cacheDir === 'off' ? false : cacheDir);
// The query set is drawn from the real corpus; read it first, and let it go before measuring.
let queries = measuredQueries(loadCorpus(DEFAULT_DATA_DIR).papers).map((x) => x.q);
const { library, index } = loadLibrary(dataDir, undefined, { cacheDir: cacheDir === 'off' ? false : cacheDir });
// The bot warms every library it serves (tables for typos and prefixes included): count them.
await library.warm?.();
for (const q of queries) library.search(q, { limit: 5 });
queries = [];
gc();
gc();
const m = process.memoryUsage();
const MB = 2 ** 20;
process.stdout.write(
  `${JSON.stringify({ source: index?.source, papers: library.papers.length, heapMB: m.heapUsed / MB, externalMB: m.external / MB, arrayBuffersMB: m.arrayBuffers / MB, rssMB: m.rss / MB })}\n`,
);
