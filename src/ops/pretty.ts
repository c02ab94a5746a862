/**
 * A tiny stand-in for pino-pretty: turns pino's JSON lines into `12:34:56 INFO  message key=value`.
 * It receives lines after redaction, so it never sees secrets.
 */
import type { DestinationStream } from 'pino';

const COLORS: Record<string, string> = { trace: '90', debug: '36', info: '32', warn: '33', error: '31', fatal: '35' };
const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'app', 'err']);

function value(v: unknown): string {
  if (typeof v === 'string') return /^[^\s"=]+$/.test(v) ? v : JSON.stringify(v);
  return JSON.stringify(v);
}

export function formatLine(line: string, colors = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`; // not ours: pass through unchanged
  }
  const level = String(entry.level ?? 'info');
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 19) : new Date().toISOString().slice(11, 19);
  const label = level.toUpperCase().padEnd(5);
  const shown = colors ? `\x1b[${COLORS[level] ?? '0'}m${label}\x1b[0m` : label;
  const fields = Object.entries(entry)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => `${k}=${value(v)}`);
  const err = entry.err as { stack?: string; message?: string } | undefined;
  const stack = err ? `\n    ${(err.stack ?? err.message ?? '').replace(/\n/g, '\n    ')}` : '';
  return `${time} ${shown} ${String(entry.msg ?? '')}${fields.length ? `  ${fields.join(' ')}` : ''}${stack}\n`;
}

export function prettyStream(out: DestinationStream, options: { colors?: boolean } = {}): DestinationStream {
  return {
    write(chunk: string) {
      out.write(
        chunk
          .split('\n')
          .filter(Boolean)
          .map((l) => formatLine(l, options.colors))
          .join(''),
      );
    },
  };
}
