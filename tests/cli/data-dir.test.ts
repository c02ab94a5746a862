import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cliMain } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/index.js';

describe('a corpus folder that does not exist', () => {
  it('the CLI says so in one sentence, exit 1', async () => {
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (chunk) => (err += chunk));
    const code = await cliMain(['search', 'diffusion', '--data', '/nonexistent-corpus'], { PAPERBOT_CACHE_DIR: 'off' }, { stdin: Readable.from([]), stdout: new PassThrough(), stderr });
    expect(code).toBe(1);
    expect(err).toBe('paperbot: --data /nonexistent-corpus is not a folder that exists. Point it at the folder with the corpus .txt files.\n');
  });

  it('is a configuration problem for the bot', () => {
    expect(() => loadConfig({ PAPERBOT_DATA_DIR: '/nonexistent-corpus' })).toThrow(/PAPERBOT_DATA_DIR is "\/nonexistent-corpus", which is not a folder that exists/);
  });
});
