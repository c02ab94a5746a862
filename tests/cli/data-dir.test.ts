import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';
import { loadConfig } from '../../src/config/index.js';

describe('a corpus folder that does not exist', () => {
  it('the CLI says so in one sentence, exit 1', async () => {
    const { code, err } = await runCli(['search', 'diffusion', '--data', '/nonexistent-corpus'], { PAPERBOT_CACHE_DIR: 'off' });
    expect(code).toBe(1);
    expect(err).toBe('paperbot: --data /nonexistent-corpus is not a folder that exists. Point it at the folder with the corpus .txt files.\n');
  });

  it('is a configuration problem for the bot', () => {
    expect(() => loadConfig({ PAPERBOT_DATA_DIR: '/nonexistent-corpus' })).toThrow(/PAPERBOT_DATA_DIR is "\/nonexistent-corpus", which is not a folder that exists/);
  });
});
