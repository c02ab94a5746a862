import { describe, expect, it } from 'vitest';
import { Bot } from '../../src/core/bot.js';
import { defineCommand } from '../../src/core/command.js';
import type { PaperLibrary } from '../../src/core/library.js';
import { reply } from '../../src/core/reply.js';

const echo = defineCommand({
  name: 'echo',
  description: 'Repeats a word',
  usage: 'echo hello',
  args: [{ name: 'word', description: 'w', type: 'string', required: true }],
  execute: ({ word }) => reply(`echo ${word}`),
});
const admin = defineCommand({ name: 'admin', description: 'd', usage: 'admin', args: [], requiresManage: true, execute: () => reply('done') });
const boom = defineCommand({
  name: 'boom',
  description: 'd',
  usage: 'boom',
  args: [],
  execute: () => {
    throw new Error('database exploded at /srv/secret/path.ts:12');
  },
});

const registry = new Map([echo, admin, boom].map((c) => [c.name, c]));
const library = {} as PaperLibrary;
const request = { platform: 'slack' as const, userId: 'U1', channelId: 'C1' };

describe('Bot', () => {
  it('limits each user politely and counts the outcome', async () => {
    let now = 0;
    const events: string[] = [];
    const bot = new Bot({
      registry,
      library: () => library,
      now: () => new Date(now),
      rateLimit: { burst: 2, perMinute: 2 },
      onCommand: (e) => events.push(`${e.command}:${e.outcome}`),
    });
    expect((await bot.runText('echo a', request)).text).toBe('echo a');
    expect((await bot.runText('echo b', request)).text).toBe('echo b');
    const limited = await bot.runText('echo c', request);
    expect(limited).toMatchObject({ error: true, ephemeral: true, text: "You're sending commands a bit fast. Please wait 30 s and try again." });
    expect((await bot.runText('echo d', { ...request, userId: 'U2' })).text).toBe('echo d');
    now = 30_000;
    expect((await bot.runText('echo e', request)).text).toBe('echo e');
    expect(events).toEqual(['echo:ok', 'echo:ok', 'echo:rate_limited', 'echo:ok', 'echo:ok']);
  });

  it('refuses channel-management commands to people who cannot manage the channel', async () => {
    const bot = new Bot({ registry, library: () => library });
    const refused = await bot.run('admin', {}, { ...request, canManageChannel: false });
    expect(refused).toMatchObject({ error: true, text: 'Only people who can manage this channel may use `admin`. Ask a channel manager or workspace admin to do it for you.' });
    expect((await bot.run('admin', {}, { ...request, canManageChannel: true })).text).toBe('done');
  });

  it('answers an unexpected failure with an apology and a reference, never the error itself', async () => {
    const logged: object[] = [];
    const logger = { debug() {}, info() {}, warn() {}, error: (obj: object) => logged.push(obj), child: () => logger };
    const bot = new Bot({ registry, library: () => library, logger });
    const failed = await bot.run('boom', {}, request);
    expect(failed.text).toMatch(/^Sorry, something went wrong on my side \(reference E-[0-9A-F]{6}\)\. Please try again in a moment\.$/);
    expect(failed.text).not.toContain('exploded');
    expect(logged[0]).toMatchObject({ command: 'boom', ref: failed.text.match(/E-[0-9A-F]{6}/)![0] });
  });

  it('refuses new commands while shutting down, and tracks the ones in flight', async () => {
    let accepting = true;
    const tracked: Promise<unknown>[] = [];
    const bot = new Bot({ registry, library: () => library, accepting: () => accepting, track: (work) => (tracked.push(work), work) });
    expect((await bot.runText('echo a', request)).text).toBe('echo a');
    expect(tracked).toHaveLength(1);
    accepting = false;
    expect(await bot.runText('echo b', request)).toMatchObject({ error: true, text: 'paperbot is restarting right now. Please try again in a minute.' });
    expect(tracked).toHaveLength(1);
  });

  it('explains expired or forged buttons', async () => {
    const bot = new Bot({ registry, library: () => library });
    expect((await bot.runAction('pbr:unknown', request)).text).toBe('This button has expired. Run the command again to get fresh buttons.');
    const payload = bot.actions.encode({ command: 'echo', args: { word: 'again' } }, 100);
    expect((await bot.runAction(payload, request)).text).toBe('echo again');
  });
});
