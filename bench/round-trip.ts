/**
 * A full command round trip: text request → command → neutral reply → Discord and Slack
 * payloads (rendered and serialised), as an adapter would send them.
 */
import { createRegistry } from '../commands/index.js';
import { Bot } from '../src/core/bot.js';
import type { RequestInfo } from '../src/core/command.js';
import type { PaperLibrary } from '../src/core/library.js';
import { renderMessage } from '../src/platforms/discord/render.js';
import { renderReply } from '../src/platforms/slack/render.js';
import type { SizeName } from './lib/corpora.js';
import { log, summarize, type Summary } from './lib/stats.js';

const REQUEST: RequestInfo = { platform: 'discord', userId: 'u1', channelId: 'c1', canManageChannel: true };
const ROUNDS: Record<SizeName, number> = { real: 40, '20k': 15, '100k': 8, '1m': 3 };

export interface RoundTripRow {
  size: SizeName;
  all: Summary;
  byCommand: Record<string, number>;
}

export async function benchRoundTrip(size: SizeName, library: PaperLibrary): Promise<RoundTripRow> {
  const bot = new Bot({ registry: createRegistry(), library: () => library, random: () => 0.42 });
  const id = library.search('diffusion', { limit: 1 }).hits[0]?.paper.id ?? library.papers[0]!.id;
  const commands = [
    'search diffusion models',
    'search difusion',
    'search "score distillation" since:2023',
    'search loss that pushes the cross-correlation matrix of two views toward the identity',
    `paper ${id}`,
    `similar ${id}`,
    'topics',
    'random diffusion',
  ];
  const once = async (text: string) => {
    const reply = await bot.runText(text, REQUEST);
    const discord = renderMessage(reply, { encodeAction: (a, max) => bot.actions.encode(a, max), command: text.split(' ')[0] });
    const slack = renderReply(reply, { encode: (a, max) => bot.actions.encode(a, max), source: text.split(' ')[0] });
    return JSON.stringify(discord).length + JSON.stringify(slack).length;
  };
  for (const c of commands) await once(c); // warm-up: lazy TF-IDF, topics, JIT
  const samples = new Map<string, number[]>();
  for (let r = 0; r < ROUNDS[size]; r++) {
    for (const c of commands) {
      const t = performance.now();
      await once(c);
      samples.set(c, [...(samples.get(c) ?? []), performance.now() - t]);
    }
  }
  const byCommand = Object.fromEntries([...samples].map(([c, s]) => [c.split(' ')[0] === 'search' ? c.slice(0, 40) : c.split(' ')[0]!, summarize(s).p50]));
  const row = { size, all: summarize([...samples.values()].flat()), byCommand };
  log(`round trip ${size}: p50 ${row.all.p50.toFixed(2)} p99 ${row.all.p99.toFixed(2)} ms`);
  return row;
}
