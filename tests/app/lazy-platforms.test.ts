/**
 * A console run (`paperbot start` without credentials) and a CLI search never load a chat SDK:
 * discord.js and Bolt cost most of a process's start-up, and only a configured platform needs
 * its own. Nor does a console run load the Postgres driver (needed only with a `DATABASE_URL`)
 * or the XML parser (only when arXiv is polled). The built process runs with a module-resolution
 * hook that writes every module it resolves to a file; the test reads that list.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

const BIN = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'bin.js');
/** Any part of a platform SDK: discord.js and its @discordjs packages, Bolt and the @slack packages. */
const SDK = /\/node_modules\/(discord\.js|@discordjs\/[^/]+|@slack\/[^/]+)\//;
/** Dependencies a SQLite bot that does not poll arXiv never needs. */
const UNUSED = /\/node_modules\/(pg|pg-[^/]+|fast-xml-parser)\//;

let hookDir: string;
beforeAll(() => {
  const check = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build-if-stale.mjs'), '--check'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`${check.stderr.trim()} (npm test does this for you)`);
  hookDir = mkdtempSync(join(tmpdir(), 'paperbot-hooks-'));
  // Runs in the loader thread: appends the URL of every module resolved to the file named by the environment.
  writeFileSync(
    join(hookDir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.MODULE_LOG, result.url + '\\n');
  return result;
}
`,
  );
  writeFileSync(join(hookDir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(hookDir, 'hooks.mjs')).href)});\n`);
});

/** Runs the built CLI with `args` and `input` on stdin; the modules it resolved, and its output. */
function run(args: string[], input: string): Promise<{ code: number | null; modules: string[]; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'paperbot-lazy-'));
  const log = join(dir, 'modules.txt');
  writeFileSync(log, '');
  const child = spawn(process.execPath, ['--import', pathToFileURL(join(hookDir, 'register.mjs')).href, BIN, ...args], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      MODULE_LOG: log,
      PAPERBOT_SOURCES: 'files',
      PAPERBOT_STATE_DIR: join(dir, 'state'),
      PAPERBOT_CACHE_DIR: 'off',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  child.stdin.end(input);
  return new Promise((resolve) =>
    child.on('exit', (code) => resolve({ code, output, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) })),
  );
}

describe('platform SDKs, the Postgres driver and the XML parser load only when configured', () => {
  it('console mode answers a search without loading discord.js, Bolt, pg or the XML parser', async () => {
    const { code, modules, output } = await run(['start'], '/search diffusion\nquit\n');
    expect(code, output).toBe(0);
    expect(output).toContain('papers loaded');
    // The hook saw the process's own dependencies, so an empty list cannot pass for a clean one.
    expect(modules.some((url) => url.includes('/node_modules/zod/'))).toBe(true);
    expect(modules.some((url) => url.endsWith('/platforms/discord/adapter.js'))).toBe(true);
    expect(modules.filter((url) => SDK.test(url))).toEqual([]);
    expect(modules.filter((url) => UNUSED.test(url))).toEqual([]);
  });

  it('a CLI search loads neither', async () => {
    const { code, modules, output } = await run(['search', 'diffusion', '--json', '--limit', '1'], '');
    expect(code, output).toBe(0);
    expect(modules.some((url) => url.includes('/node_modules/zod/'))).toBe(true);
    expect(modules.filter((url) => SDK.test(url))).toEqual([]);
  });
});
