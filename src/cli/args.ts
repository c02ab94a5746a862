/** Command-line parsing for the `paperbot` CLI, kept pure for tests. */
import { parseArgs } from 'node:util';

export interface CliInvocation {
  /** e.g. `['search']`, `['corpus', 'stats']`, `['discord', 'register']`, `['start']`. */
  command: string[];
  positionals: string[];
  json: boolean;
  help: boolean;
  version: boolean;
  dataDir?: string;
  limit?: number;
  page?: number;
  count?: number;
  guild?: string;
  date?: string;
  since?: string;
  until?: string;
  category?: string;
}

const GROUPS = new Set(['corpus', 'discord', 'ingest']);

export class CliUsageError extends Error {}

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliUsageError(`--${name} must be a positive whole number`);
  return Number(value);
}

const OPTIONS = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
  data: { type: 'string' },
  limit: { type: 'string' },
  page: { type: 'string' },
  count: { type: 'string' },
  guild: { type: 'string' },
  date: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  category: { type: 'string' },
} as const;

/**
 * Moves words that only look like options (`-gan`, an exclusion in a query) behind `--`, so
 * `paperbot search diffusion -gan` searches instead of failing on an unknown `-g`. A word
 * starting with `--` is still an option, so a misspelt one is reported.
 */
function separate(argv: readonly string[]): string[] {
  const shorts = new Set(Object.values(OPTIONS).flatMap((o) => ('short' in o ? [`-${o.short}`] : [])));
  const takesValue = new Set(Object.entries(OPTIONS).flatMap(([name, o]) => (o.type === 'string' ? [`--${name}`] : [])));
  const options: string[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (word.startsWith('--') || shorts.has(word)) {
      options.push(word);
      if (takesValue.has(word) && i + 1 < argv.length) options.push(argv[++i]!);
    } else {
      positionals.push(word);
    }
  }
  return [...options, '--', ...positionals];
}

export function parseCli(argv: string[]): CliInvocation {
  let parsed;
  try {
    parsed = parseArgs({
      args: separate(argv),
      allowPositionals: true,
      options: OPTIONS,
    });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  const words = [...parsed.positionals];
  const first = words.shift() ?? 'start';
  const command = GROUPS.has(first) ? [first, words.shift() ?? ''] : [first];
  return {
    command,
    positionals: words,
    json: parsed.values.json,
    help: parsed.values.help,
    version: parsed.values.version,
    dataDir: parsed.values.data,
    limit: positiveInt('limit', parsed.values.limit),
    page: positiveInt('page', parsed.values.page),
    count: positiveInt('count', parsed.values.count),
    guild: parsed.values.guild,
    date: parsed.values.date,
    since: parsed.values.since,
    until: parsed.values.until,
    category: parsed.values.category,
  };
}

export const USAGE = `paperbot: research papers in your chat

Usage:
  paperbot [start]                    start the bot (a console chat when no chat credentials are set)
  paperbot search "QUERY" [--page N]          5 results a page, as in chat
  paperbot search "QUERY" --json [--limit N]  (default 10)
  paperbot search --json [--limit N]          read one query per line from stdin, print one JSON line each
  paperbot random [TOPIC]
  paperbot digest TOPIC [--count N]
  paperbot paper ID
  paperbot similar ID [--count N]
  paperbot topics
  paperbot corpus stats [--json]
  paperbot discord register [--guild ID]
  paperbot ingest hf [--date YYYY-MM-DD | --since YYYY-MM-DD [--until YYYY-MM-DD]]
                                      fetch Hugging Face Daily Papers into the paper store (default: today)
  paperbot ingest arxiv [--category C] [--since YYYY-MM-DD]
                                      fetch new arXiv submissions (default: PAPERBOT_ARXIV_CATEGORIES, last 2 days)
  paperbot ingest status              papers in the store; each source's last success and error

Options:
  --data DIR   read the corpus from DIR instead of the bundled data/ (or PAPERBOT_DATA_DIR)
  --json       machine-readable output
  -v, --version  the version
  -h, --help   this help`;
