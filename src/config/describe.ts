/** A secrets-free summary of the configuration for the start-up log line. */
import type { AnyAdapter } from '../platforms/adapter.js';
import { platformAdapters } from '../platforms/registry.js';
import { redactDatabaseUrl } from './database-url.js';
import type { Config } from './env.js';

export function describeConfig(config: Config, adapters: readonly AnyAdapter[] = platformAdapters): Record<string, unknown> {
  // Only non-secret identifiers: each adapter reports its tokens as present, never shows them.
  const chat = Object.fromEntries(adapters.filter((a) => a.name in config.chat).map((a) => [a.name, a.describe(config.chat[a.name])]));
  return {
    mode: config.mode,
    platforms: config.platforms,
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { database: { engine: 'postgres', url: redactDatabaseUrl(config.databaseUrl) } } : { databaseFile: config.databaseFile }),
    cacheDir: config.cacheDir,
    timezone: config.timezone,
    digestTime: config.digestTime,
    catchupGraceMinutes: config.catchupGraceMinutes,
    failoverSeconds: config.failoverSeconds,
    rateLimit: config.rateLimit,
    log: config.log,
    opsPort: config.opsPort ?? 'off',
    listenHost: config.listenHost,
    watchCorpus: config.watchCorpus,
    sources: {
      poll: config.sources.poll,
      intervalSeconds: config.sources.intervalSeconds,
      hfApiUrl: config.sources.hfApiUrl,
      hfToken: config.sources.hfToken ? 'set' : 'unset',
      ...(config.sources.poll.includes('arxiv') && { arxivApiUrl: config.sources.arxivApiUrl, arxivCategories: config.sources.arxivCategories }),
    },
    embeddings:
      config.embeddings.provider === 'http'
        ? { provider: 'http', url: config.embeddings.url, model: config.embeddings.model, key: config.embeddings.apiKey ? 'set' : 'unset' }
        : { provider: 'lsa' },
    ...chat,
  };
}
