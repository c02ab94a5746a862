import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../../src/config/index.js';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
  }
  return [];
};

describe('embedding settings', () => {
  it('default to the model learnt from the corpus: no network', () => {
    expect(loadConfig({}).embeddings).toEqual({ provider: 'lsa' });
    expect(describeConfig(loadConfig({}))).toMatchObject({ embeddings: { provider: 'lsa' } });
  });

  it('read an OpenAI-compatible endpoint, its model and key; the key is never shown', () => {
    const key = 'sk-proj-abcdef0123456789';
    const config = loadConfig({ PAPERBOT_EMBEDDINGS_URL: 'http://127.0.0.1:11434/v1', PAPERBOT_EMBEDDINGS_MODEL: 'nomic-embed-text', PAPERBOT_EMBEDDINGS_KEY: key });
    expect(config.embeddings).toEqual({ provider: 'http', url: 'http://127.0.0.1:11434/v1', model: 'nomic-embed-text', apiKey: key });
    expect(describeConfig(config)).toMatchObject({ embeddings: { provider: 'http', url: 'http://127.0.0.1:11434/v1', model: 'nomic-embed-text', key: 'set' } });
    expect(JSON.stringify(describeConfig(config))).not.toContain(key);
    expect(loadConfig({ PAPERBOT_EMBEDDINGS_URL: 'https://api.openai.com/v1', PAPERBOT_EMBEDDINGS_MODEL: 'text-embedding-3-small' }).embeddings).toEqual({
      provider: 'http',
      url: 'https://api.openai.com/v1',
      model: 'text-embedding-3-small',
    });
  });

  it('need the model with the endpoint, and the endpoint with a model or key', () => {
    expect(problems({ PAPERBOT_EMBEDDINGS_URL: 'https://api.openai.com/v1' }).map((p) => p.variable)).toEqual(['PAPERBOT_EMBEDDINGS_MODEL']);
    expect(problems({ PAPERBOT_EMBEDDINGS_MODEL: 'm', PAPERBOT_EMBEDDINGS_KEY: 'k' }).map((p) => p.variable)).toEqual(['PAPERBOT_EMBEDDINGS_MODEL', 'PAPERBOT_EMBEDDINGS_KEY']);
  });

  it('refuse a URL that is not http(s), a model name with spaces, and a key with spaces without echoing the key', () => {
    const found = problems({ PAPERBOT_EMBEDDINGS_URL: 'ftp://models', PAPERBOT_EMBEDDINGS_MODEL: 'two words', PAPERBOT_EMBEDDINGS_KEY: 'secret with spaces' });
    expect(found.map((p) => p.variable).sort()).toEqual(['PAPERBOT_EMBEDDINGS_KEY', 'PAPERBOT_EMBEDDINGS_MODEL', 'PAPERBOT_EMBEDDINGS_URL']);
    expect(found.find((p) => p.variable === 'PAPERBOT_EMBEDDINGS_URL')?.message).toContain('ftp://models');
    expect(JSON.stringify(found)).not.toContain('secret with spaces');
  });
});
