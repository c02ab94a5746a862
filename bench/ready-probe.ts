/**
 * Start-up probe: a fresh process that loads the library the way the bot does and prints its
 * first answer. The parent times spawn → first line. argv: <dataDir> <query>
 */
import { storagePaths } from '../src/config/index.js';
import { loadLibrary } from '../src/load-library.js';
import { requireSnapshot } from './lib/guard.js';

const [dataDir = 'data', query = 'diffusion'] = process.argv.slice(2);
const { cacheDir } = storagePaths(process.env);
requireSnapshot(dataDir, cacheDir);
const { library, index } = loadLibrary(dataDir, undefined, { cacheDir });
const result = library.search(query, { limit: 5 });
process.stdout.write(`${JSON.stringify({ source: index?.source, total: result.total, first: result.hits[0]?.paper.id, uptimeMs: process.uptime() * 1000 })}\n`);
