/**
 * The whole project type-checks, tests included. Some guarantees live only in types: rendered Slack
 * blocks must be assignable to @slack/types' `KnownBlock`, Discord payloads to discord.js's API
 * types. The build compiles only the sources, so this test keeps the tests' own types honest.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

/** Compiles the project, with `extra` files served from memory as if they were in the tree. */
function diagnostics(extra: Record<string, string> = {}): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(PROJECT_ROOT, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  })!;
  const virtual = new Map(Object.entries(extra).map(([file, text]) => [join(PROJECT_ROOT, file), text]));
  const host = ts.createCompilerHost(parsed.options);
  const { fileExists, readFile } = host;
  host.fileExists = (file) => virtual.has(file) || fileExists(file);
  host.readFile = (file) => virtual.get(file) ?? readFile(file);
  const roots = Object.keys(extra).length ? [...virtual.keys()] : parsed.fileNames;
  const program = ts.createProgram({ rootNames: roots, options: { ...parsed.options, noEmit: true }, host });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.slice(PROJECT_ROOT.length + 1)}: ` : '';
    return where + ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0];
  });
}

describe('the type checker', () => {
  it('finds no error in the sources, commands, tests and bench', () => {
    expect(diagnostics()).toEqual([]);
  }, 120_000);

  it('GIVEN a Slack block that is not one of Slack\'s own types THEN it fails', () => {
    const problems = diagnostics({
      'tests/platforms/slack/broken-block.fixture.ts': [
        "import type { KnownBlock } from '@slack/types';",
        "export const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'mrkdwn', text: 'headers take plain text only' } }];",
      ].join('\n'),
    });
    expect(problems.some((p) => p.startsWith('tests/platforms/slack/broken-block.fixture.ts'))).toBe(true);
  }, 120_000);
});
