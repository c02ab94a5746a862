/** The import-graph guard: the real tree keeps every rule, and a tree breaking one fails it. */
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { checkImports, importsOf, readTree, type SourceTree } from './import-graph.js';

const tree = readTree(PROJECT_ROOT);

/** The real tree with some files added or replaced. */
const withFiles = (files: Record<string, string>): SourceTree => new Map([...tree, ...Object.entries(files)]);
const rulesBroken = (files: Record<string, string>) => checkImports(withFiles(files)).map((v) => `${v.rule}: ${v.file}`);

describe('the import graph', () => {
  it('covers the sources', () => {
    expect(tree.size).toBeGreaterThan(100);
    expect(tree.has('src/core/bot.ts')).toBe(true);
    expect(tree.has('commands/search.ts')).toBe(true);
  });

  it('keeps every rule: core and commands neutral, platforms apart, SDKs in their folder, no cycles', () => {
    expect(checkImports(tree)).toEqual([]);
  });

  it('reads type-only imports and re-exports as imports', () => {
    expect(importsOf("import type { A } from './a.js';\nexport { b } from '../b.js';\nexport type { C } from './c.js';")).toEqual(['./a.js', '../b.js', './c.js']);
  });
});

describe('GIVEN a tree that breaks a rule THEN the guard fails', () => {
  it('the core importing the scheduler, even for a type', () => {
    expect(rulesBroken({ 'src/core/extra.ts': "import type { Scheduler } from '../scheduler/scheduler.js';\nexport type S = Scheduler;" })).toEqual([
      'core: src/core/extra.ts',
    ]);
  });

  it('a command importing a platform renderer or the store', () => {
    expect(
      rulesBroken({
        'commands/extra.ts': "import { renderReply } from '../src/platforms/slack/render.js';\nimport type { Store } from '../src/store/types.js';",
      }),
    ).toEqual(['commands: commands/extra.ts', 'commands: commands/extra.ts']);
  });

  it('a platform importing another platform or the store', () => {
    expect(
      rulesBroken({
        'src/platforms/slack/extra.ts': "import { LIMITS } from '../discord/limits.js';\nimport { openSqliteStore } from '../../store/sqlite.js';",
      }),
    ).toEqual(['platforms: src/platforms/slack/extra.ts', 'platforms: src/platforms/slack/extra.ts']);
  });

  it('a chat SDK outside its platform folder', () => {
    expect(rulesBroken({ 'src/scheduler/extra.ts': "import { Client } from 'discord.js';", 'commands/extra.ts': "import type { App } from '@slack/bolt';" })).toEqual([
      'sdk: src/scheduler/extra.ts',
      'sdk: commands/extra.ts',
    ]);
  });

  it('an import cycle, made of type-only imports', () => {
    expect(
      rulesBroken({
        'src/search/cycle-a.ts': "import type { B } from './cycle-b.js';\nexport type A = B[];",
        'src/search/cycle-b.ts': "import type { A } from './cycle-a.js';\nexport type B = A | string;",
      }),
    ).toEqual(['cycles: src/search/cycle-a.ts']);
  });

  it('a command reading the environment', () => {
    expect(rulesBroken({ 'commands/extra.ts': 'export const zone = process.env.TZ;' })).toEqual(['env: commands/extra.ts']);
  });

  it('the old help ↔ index cycle', () => {
    expect(rulesBroken({ 'commands/help.ts': `${tree.get('commands/help.ts')}\nimport { commandList } from './index.js';\nvoid commandList;` })).toEqual([
      'cycles: commands/help.ts',
    ]);
  });
});
