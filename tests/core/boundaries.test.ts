/** The core and the commands stay platform-neutral: no chat SDK, no environment, no platform code. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const neutral = [...sources(join(PROJECT_ROOT, 'commands')), ...sources(join(PROJECT_ROOT, 'src', 'core'))];
const FORBIDDEN = [/from '(discord\.js|@discordjs\/[^']+|@slack\/[^']+)'/, /from '[./]*\/platforms\//, /process\.env/];

describe('platform-neutral code', () => {
  it('covers the commands and the core', () => {
    expect(neutral.length).toBeGreaterThan(20);
  });

  it.each(neutral.map((file) => [relative(PROJECT_ROOT, file), file]))('%s imports no platform SDK or platform code', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    for (const pattern of FORBIDDEN) expect(text).not.toMatch(pattern);
  });
});
