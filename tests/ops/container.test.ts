/**
 * There is no Docker engine in CI, so these tests read the container files instead: the things an
 * image must have (non-root user, health check, state volume) and that the health check one-liner
 * really works against the ops server.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ENV_NAMES } from '../../src/config/schema.js';
import { startOpsServer } from '../../src/ops/server.js';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Dockerfile instructions with continuation lines joined and comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [op = '', ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

const dockerfile = instructions(read('Dockerfile'));
const runtime = dockerfile.slice(dockerfile.map((i) => i.op).lastIndexOf('FROM'));
const find = (op: string) => runtime.filter((i) => i.op === op).map((i) => i.args);

describe('Dockerfile', () => {
  it('builds and runs on the slim Node LTS image in two stages', () => {
    const froms = dockerfile.filter((i) => i.op === 'FROM').map((i) => i.args);
    expect(froms).toEqual(['node:22-bookworm-slim AS build', 'node:22-bookworm-slim']);
    const build = dockerfile.slice(0, dockerfile.length - runtime.length).map((i) => i.args).join('\n');
    expect(build).toMatch(/python3 make g\+\+/);
    expect(build).toMatch(/npm ci/);
    expect(build).toMatch(/npm run build/);
    expect(build).toMatch(/npm prune --omit=dev/);
  });

  it('runs as the node user with a state volume, ports and a health check', () => {
    const ops = runtime.map((i) => i.op);
    expect(find('USER')).toEqual(['node']);
    expect(ops.indexOf('USER')).toBeLessThan(ops.indexOf('CMD'));
    expect(find('VOLUME')).toEqual(['/app/var']);
    expect(find('ENV').join(' ')).toContain('PAPERBOT_STATE_DIR=/app/var');
    expect(find('EXPOSE')).toEqual(['9464 3000 3001']);
    expect(find('HEALTHCHECK')).toHaveLength(1);
    // Liveness only: a platform outage makes /readyz fail, and must not get the container restarted.
    expect(find('HEALTHCHECK')[0]).toContain('/livez');
    for (const dir of ['dist', 'node_modules', 'data', 'config', 'package.json']) {
      expect(find('COPY').some((args) => args.includes(` ./${dir}`))).toBe(true);
    }
  });

  it('starts a command whose source exists', () => {
    const cmd = JSON.parse(find('CMD')[0] ?? '[]') as string[];
    expect(cmd[0]).toBe('node');
    const source = cmd[1]!.replace(/^dist\//, '').replace(/\.js$/, '.ts');
    expect(existsSync(join(ROOT, source))).toBe(true);
  });

  it('has a health check command that follows /livez: alive while the process answers, whatever the readiness checks say', async () => {
    const exec = JSON.parse(find('HEALTHCHECK')[0]!.replace(/^.*?CMD\s+/, '')) as string[];
    expect(exec.slice(0, 2)).toEqual(['node', '-e']);
    const run = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, ['-e', exec[2]!], { env }).then(
        () => 0,
        (e: { code?: number }) => e.code ?? -1,
      );
    let healthy = true;
    const server = await startOpsServer({ port: 0, host: '127.0.0.1', checks: { corpus: () => healthy } });
    try {
      expect(await run({ OPS_PORT: String(server.port) })).toBe(0);
      healthy = false;
      expect(await run({ OPS_PORT: String(server.port) })).toBe(0);
      expect(await run({ OPS_PORT: 'off' })).toBe(0);
    } finally {
      await server.close();
    }
    // Nothing answering: not alive.
    expect(await run({ OPS_PORT: String(server.port) })).toBe(1);
  });
});

describe('.dockerignore and docker-compose.yml', () => {
  it('keeps secrets and build output out of the image', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.env', 'node_modules', 'dist', 'var', '.git']) expect(ignored).toContain(entry);
  });

  it('reads .env, keeps state on a volume and restarts', () => {
    const compose = read('docker-compose.yml');
    expect(compose).toMatch(/env_file: \.env/);
    expect(compose).toMatch(/restart: unless-stopped/);
    expect(compose).toMatch(/- paperbot-state:\/app\/var/);
  });

  it('has a replicas profile: Postgres, two replicas on it, and a proxy that follows their readiness', () => {
    const compose = read('docker-compose.yml');
    for (const service of ['postgres', 'replica-1', 'proxy']) {
      expect(compose).toMatch(new RegExp(`\\n  ${service}:[^\\n]*\\n    profiles: \\[replicas\\]`));
    }
    // The second replica is the first one's settings (its profile included) with its own environment.
    expect(compose).toMatch(/\n  replica-2:\n    <<: \*replica\n/);
    expect(compose.match(/DATABASE_URL: postgres:\/\/paperbot:\$\{POSTGRES_PASSWORD:-change-me\}@postgres:5432\/paperbot/g)).toHaveLength(2);
    const caddy = read('deploy/Caddyfile');
    expect(caddy).toMatch(/reverse_proxy replica-1:3000 replica-2:3000/);
    expect(caddy).toMatch(/health_uri \/readyz/);
    expect(caddy).toMatch(/health_port 9464/);
  });
});

describe('.env.example', () => {
  it('documents every setting, and only those', () => {
    const names = read('.env.example')
      .split('\n')
      .map((l) => /^([A-Z_]+)=/.exec(l)?.[1])
      .filter((n): n is string => n !== undefined);
    expect([...names].sort()).toEqual([...ENV_NAMES].sort());
  });
});
