/**
 * A throwaway Postgres cluster, for the tests and the benchmarks: `initdb` into a temporary
 * folder, `pg_ctl start` on a free 127.0.0.1 port with its socket in that folder, stopped and
 * deleted at the end. Postgres refuses to run as root, so as root the server runs as an
 * unprivileged user (`postgres` when the system has one, else `nobody`) that owns the folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  /** Superuser URL of the `postgres` database, for creating test databases. */
  url: string;
  /** Stops the server and deletes its folder; safe to call more than once. */
  stop(): void;
}

export interface ClusterOptions {
  /**
   * Server settings (`-c name=value`). The default trades durability for speed, as a throwaway
   * cluster may: no fsync, no synchronous commit, no full-page writes.
   */
  settings?: Record<string, string | number>;
  /** Appended to the error when no Postgres binaries are found: how else to get a server. */
  hint?: string;
}

export const FAST_SETTINGS: Readonly<Record<string, string | number>> = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: 200,
};

/** Where `initdb` and `pg_ctl` are: on the PATH, or in Debian's versioned folder. */
export function postgresBinDir(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return join(onPath, '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The user the server runs as, and the command prefix that switches to it. */
function runAs(): { uid?: number; gid?: number; prefix: string[] } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  for (const user of ['postgres', 'nobody']) {
    const id = spawnSync('id', ['-u', user], { encoding: 'utf8' });
    if (id.status !== 0) continue;
    const gid = Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
    return { uid: Number(id.stdout.trim()), gid, prefix: ['runuser', '-u', user, '--'] };
  }
  throw new Error('running as root, and there is no postgres or nobody user to run the server as');
}

function run(prefix: string[], command: string, args: string[]): void {
  const [file, ...rest] = [...prefix, command, ...args];
  execFileSync(file!, rest, { stdio: 'pipe', timeout: 60_000 });
}

function runQuietly(prefix: string[], command: string, args: string[]): void {
  const [file, ...rest] = [...prefix, command, ...args];
  spawnSync(file!, rest, { stdio: 'ignore', timeout: 60_000 });
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(`initdb was not found on the PATH nor in /usr/lib/postgresql/*/bin; install Postgres (Debian: apt-get install postgresql)${options.hint ? ` ${options.hint}` : ''}`);
  const settings = Object.entries(options.settings ?? FAST_SETTINGS)
    .map(([name, value]) => ` -c ${name}=${value}`)
    .join('');
  const user = runAs();
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), 'paperbot-pg-'));
  } catch (error) {
    throw new Error(`could not make a temporary folder for a throwaway Postgres cluster: ${(error as Error).message}`);
  }
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid!);
  const stop = () => {
    if (existsSync(join(data, 'postmaster.pid'))) runQuietly(user.prefix, join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(user.prefix, join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    // A free port can be taken between the check and the start: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${settings}`;
      try {
        run(user.prefix, join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-w', '-t', '30', '-o', serverOptions, 'start']);
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    const output = (error as { stderr?: Buffer }).stderr?.toString().trim();
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
    stop();
    throw new Error(`could not start a throwaway Postgres cluster: ${output || (error as Error).message}${serverLog ? `\n${serverLog}` : ''}`);
  }
}
