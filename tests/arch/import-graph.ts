/**
 * The import graph of paperbot's sources and the rules it must keep. Imports are read with the
 * TypeScript compiler's own pre-processor, so `import type` and `export … from` count too.
 *
 * Rules:
 * - core: `src/core` imports only `src/core` and the paper types in `src/corpus/paper.ts`;
 * - commands: `commands/` imports only `src/core` and `commands/`;
 * - platforms: a platform folder never imports another platform or the store;
 * - sdk: a chat SDK is imported only inside its own platform folder;
 * - cycles: no import cycles, type-only imports included;
 * - env: the core and the commands never read the environment (configuration arrives typed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/** Project-relative path (`src/core/bot.ts`) → source text. */
export type SourceTree = ReadonlyMap<string, string>;

export interface Violation {
  rule: 'core' | 'commands' | 'platforms' | 'sdk' | 'cycles' | 'env';
  file: string;
  message: string;
}

export function readTree(root: string, dirs: readonly string[] = ['src', 'commands']): SourceTree {
  const tree = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) tree.set(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return tree;
}

/** Every module specifier a file imports or re-exports. */
export function importsOf(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((file) => file.fileName);
}

/** A relative specifier as a project path (`../core/bot.js` → `src/core/bot.ts`); packages stay as they are. */
export function resolveImport(from: string, specifier: string): { local: string } | { pkg: string } {
  if (!specifier.startsWith('.')) return { pkg: specifier };
  return { local: posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.js$/, '.ts') };
}

const SDKS: Record<string, RegExp> = {
  discord: /^(discord\.js|@discordjs\/)/,
  slack: /^@slack\//,
};

const platformOf = (path: string) => /^src\/platforms\/([^/]+)\//.exec(path)?.[1];

function ruleViolations(file: string, target: { local: string } | { pkg: string }): Violation[] {
  const out: Violation[] = [];
  const add = (rule: Violation['rule'], message: string) => out.push({ rule, file, message });
  if ('pkg' in target) {
    for (const [platform, pattern] of Object.entries(SDKS)) {
      if (pattern.test(target.pkg) && platformOf(file) !== platform) add('sdk', `imports ${target.pkg}, which only src/platforms/${platform}/ may use`);
    }
    return out;
  }
  const to = target.local;
  if (file.startsWith('src/core/') && !to.startsWith('src/core/') && to !== 'src/corpus/paper.ts') {
    add('core', `imports ${to}; the core may import only src/core and src/corpus/paper.ts`);
  }
  if (file.startsWith('commands/') && !to.startsWith('src/core/') && !to.startsWith('commands/')) {
    add('commands', `imports ${to}; commands may import only src/core and commands/`);
  }
  const from = platformOf(file);
  if (from) {
    const other = platformOf(to);
    if (other && other !== from) add('platforms', `imports ${to}; a platform never imports another platform`);
    if (to.startsWith('src/store/')) add('platforms', `imports ${to}; platforms never import the store`);
  }
  return out;
}

/** Cycles in the local graph (Tarjan's strongly connected components), each as the files on it. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

export function checkImports(tree: SourceTree): Violation[] {
  const violations: Violation[] = [];
  const graph = new Map<string, string[]>();
  for (const [file, text] of tree) {
    if ((file.startsWith('src/core/') || file.startsWith('commands/')) && /\bprocess\.env\b/.test(text)) {
      violations.push({ rule: 'env', file, message: 'reads process.env; configuration is read once, in src/config' });
    }
    const locals: string[] = [];
    for (const specifier of importsOf(text)) {
      const target = resolveImport(file, specifier);
      violations.push(...ruleViolations(file, target));
      if ('local' in target) locals.push(target.local);
    }
    graph.set(file, locals);
  }
  for (const cycle of findCycles(graph)) {
    violations.push({ rule: 'cycles', file: cycle[0]!, message: `import cycle: ${cycle.join(' → ')}` });
  }
  return violations;
}
