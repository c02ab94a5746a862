/** Runs the CLI in-process with its output captured. */
import { PassThrough, Readable } from 'node:stream';
import { cliMain } from '../../src/cli/main.js';

export async function runCli(argv: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await cliMain(argv, env, { stdin: Readable.from([stdin]), stdout, stderr });
  return { code, out, err };
}
