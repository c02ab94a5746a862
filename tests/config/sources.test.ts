import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../../src/config/index.js';

describe('paper source settings', () => {
  it('default to the seed corpus plus Hugging Face every 30 minutes', () => {
    expect(loadConfig({}).sources).toEqual({
      poll: ['hf'],
      intervalSeconds: 1800,
      staleAfterSeconds: 21_600,
      hfApiUrl: 'https://huggingface.co',
      arxivApiUrl: 'http://export.arxiv.org/api/query',
      arxivCategories: ['cs.LG', 'cs.CV', 'cs.CL'],
    });
  });

  it('read sources, interval, categories and the token, which is never shown', () => {
    const config = loadConfig({ PAPERBOT_SOURCES: 'files, arxiv ,HF', PAPERBOT_INGEST_INTERVAL: '2h', PAPERBOT_ARXIV_CATEGORIES: 'cs.LG,stat.ML', HF_TOKEN: 'hf_secretvalue123' });
    expect(config.sources).toMatchObject({ poll: ['arxiv', 'hf'], intervalSeconds: 7200, arxivCategories: ['cs.LG', 'stat.ML'], hfToken: 'hf_secretvalue123' });
    expect(JSON.stringify(describeConfig(config))).not.toContain('hf_secretvalue123');
    expect(describeConfig(config)).toMatchObject({ sources: { poll: ['arxiv', 'hf'], hfToken: 'set' } });
    expect(loadConfig({ PAPERBOT_SOURCES: 'files' }).sources.poll).toEqual([]);
  });

  it('refuse an unknown source, a missing seed corpus, a bad interval and a bad category, naming each', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
      }
      return [];
    };
    expect(problems({ PAPERBOT_SOURCES: 'files,rss' })).toEqual(['PAPERBOT_SOURCES']);
    expect(problems({ PAPERBOT_SOURCES: 'hf' })).toEqual(['PAPERBOT_SOURCES']);
    expect(problems({ PAPERBOT_INGEST_INTERVAL: '10' })).toEqual(['PAPERBOT_INGEST_INTERVAL']);
    expect(problems({ PAPERBOT_INGEST_INTERVAL: '30s' })).toEqual(['PAPERBOT_INGEST_INTERVAL']);
    expect(problems({ PAPERBOT_ARXIV_CATEGORIES: 'cs LG' })).toEqual(['PAPERBOT_ARXIV_CATEGORIES']);
    try {
      loadConfig({ HF_TOKEN: 'has space' });
    } catch (error) {
      expect((error as Error).message).toContain('HF_TOKEN must be a Hugging Face access token without spaces.');
      expect((error as Error).message).not.toContain('has space');
    }
  });
});

describe('source settings for the command line', () => {
  it('keep every valid setting when another variable is invalid', async () => {
    const { sourceSettings } = await import('../../src/config/index.js');
    const settings = sourceSettings({ LOG_LEVEL: 'loud', HF_API_URL: 'http://127.0.0.1:9/hf', PAPERBOT_ARXIV_CATEGORIES: 'stat.ML', HF_TOKEN: 'hf_abc' });
    expect(settings).toMatchObject({ hfApiUrl: 'http://127.0.0.1:9/hf', arxivCategories: ['stat.ML'], hfToken: 'hf_abc' });
  });
});
