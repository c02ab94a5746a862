/** Reading-list exports in the console: a file in the exports folder, never overwriting another. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../commands/index.js';
import { Bot } from '../../../src/core/bot.js';
import { saveExport } from '../../../src/platforms/console/save-file.js';
import { startConsole } from '../../../src/platforms/console/session.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { realLibrary, tempDir } from '../../scheduler/helpers.js';

const dir = tempDir();
const store = openSqliteStore(dir.path('console.db'));
afterAll(async () => {
  await store.close();
  dir.cleanup();
});

describe('GIVEN the console with a store', () => {
  it('THEN `saved export csv` writes the list into the exports folder and says where', async () => {
    const exports = dir.path('exports');
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const bot = new Bot({ registry: createRegistry(), library: realLibrary, userData: store });
    const session = startConsole(bot, { input, output, saveFile: (file) => saveExport(exports, file) });
    input.end(['/save pskim5ab', '/saved export csv', '/saved export csv', 'quit'].map((l) => `${l}\n`).join(''));
    await session.closed;
    expect(text).toContain('Saved “Diffusion Models Beat GANs on Image Synthesis” to your reading list (1 paper).');
    expect(text).toContain(`Saved paperbot-reading-list.csv to ${join(exports, 'paperbot-reading-list.csv')}`);
    // A second export does not overwrite the first.
    expect(text).toContain(`Saved paperbot-reading-list.csv to ${join(exports, 'paperbot-reading-list-2.csv')}`);
    const csv = readFileSync(join(exports, 'paperbot-reading-list.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('paperbot_id,arxiv_id,title,authors,published,upvotes,url,pdf,saved_at');
    expect(csv[1]).toMatch(/^pskim5ab,,Diffusion Models Beat GANs on Image Synthesis,/);
  });
});
