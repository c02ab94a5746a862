/**
 * Reading lists, votes and forgetting a user through the real discord.js client and the fake
 * Discord, on a real SQLite store: menus on results, exports as ephemeral attachments, and
 * nothing of one user visible to another.
 */
import { parse } from '@retorquere/bibtex-parser';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../commands/index.js';
import { Bot } from '../../../src/core/bot.js';
import { startDiscord, type DiscordHandle } from '../../../src/platforms/discord/index.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite.js';
import { menuOption, snowflake, startFakeDiscord, user, type FakeDiscord, type FakeMessage, type FakeUser } from '../../fakes/discord/index.js';
import { tempDir } from '../../scheduler/helpers.js';
import { realLibrary } from './helpers.js';

const EPHEMERAL = 64;
type Answer = { type: number; data: { flags?: number; content?: string; embeds: { title?: string; description?: string }[]; attachments?: unknown[] } };

const dir = tempDir();
let store: SqliteStore;
let fake: FakeDiscord;
let discord: DiscordHandle;
const alice = user(snowflake(), 'alice');
const bob = user(snowflake(), 'bob');

beforeAll(async () => {
  store = openSqliteStore(dir.path('lists.db'));
  const { library } = realLibrary();
  const bot = new Bot({ registry: createRegistry(), library: () => library, userData: store });
  fake = await startFakeDiscord();
  discord = await startDiscord({ token: fake.token, apiUrl: fake.apiUrl, rootName: 'papers' }, bot);
});
afterAll(async () => {
  await discord?.stop();
  await fake?.stop();
  await store?.close();
  dir.cleanup();
});

async function slash(subcommand: string, options: Record<string, string>, who: FakeUser): Promise<{ answer: Answer; message: FakeMessage }> {
  const { id } = fake.interactions.slashCommand({ root: 'papers', subcommand, options, user: who });
  const answer = (await fake.interactions.response(id)) as Answer;
  return { answer, message: fake.messages.get(fake.interactions.byId.get(id)!.originalId!)! };
}

async function choose(message: FakeMessage, placeholder: string, index: number, who: FakeUser): Promise<{ answer: Answer; value: string }> {
  const option = menuOption(message, placeholder, index);
  const { id } = fake.interactions.chooseOption(message.id, option.customId, option.value, { user: who });
  return { answer: (await fake.interactions.response(id)) as Answer, value: option.value };
}

const idIn = (value: string) => /"id":"(\w+)"/.exec(value)![1]!;
const text = (answer: Answer) => answer.data.embeds.map((e) => `${e.title ?? ''} ${e.description ?? ''}`).join(' ');

describe('GIVEN Alice saves two papers from her search results', () => {
  let saved: string[] = [];

  beforeAll(async () => {
    const { message } = await slash('search', { query: 'diffusion' }, alice);
    for (const index of [0, 2]) {
      const { answer, value } = await choose(message, 'Save to my reading list…', index, alice);
      expect(answer.data.flags! & EPHEMERAL).toBe(EPHEMERAL);
      expect(text(answer)).toMatch(/^ Saved “.+” to your reading list \(\d papers?\)\.$/);
      saved.push(idIn(value));
    }
  });

  it('THEN her list shows them, newest first, privately, with a remove menu', async () => {
    const { answer, message } = await slash('saved', {}, alice);
    expect(answer.data.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(answer.data.embeds[0]!.title).toBe('Your reading list (2 papers)');
    expect(menuOption(message, 'Remove…', 0).value).toContain(saved[1]);
  });

  it('THEN Bob sees none of it', async () => {
    const { answer } = await slash('saved', {}, bob);
    expect(text(answer)).toContain('Your reading list is empty.');
  });

  it('THEN `saved export bibtex` answers her alone with a BibTeX file that parses back', async () => {
    const { answer, message } = await slash('saved', { what: 'export bibtex' }, alice);
    expect(answer.data.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.attachments.map((a) => a.filename)).toEqual(['paperbot-reading-list.bib']);
    const bib = parse(message.attachments[0]!.content, { sentenceCase: false });
    expect(bib.errors).toEqual([]);
    expect(bib.entries.map((e) => e.fields.note)).toEqual(saved.slice().reverse().map((id) => `paperbot ${id}`));
  });

  it('THEN a vote from the Rate menu is kept for the channel, and `forget me` leaves no row of hers', async () => {
    const { message } = await slash('search', { query: 'contrastive learning' }, alice);
    const { answer } = await choose(message, 'Rate for this channel…', 0, alice);
    expect(text(answer)).toMatch(/^ 👍 for “.+”: this channel's digests will lean towards papers like it\.$/);
    await slash('rate', { id: saved[0]!, vote: 'down' }, bob);
    const forgot = await slash('forget', { who: 'me' }, alice);
    expect(text(forgot.answer)).toContain('Done: I deleted your reading list (2 papers) and your 1 vote.');
    // Straight from the database file: nothing anywhere names her; Bob's vote is still there.
    const db = new Database(dir.path('lists.db'), { readonly: true });
    try {
      const rows = (sql: string) => (db.prepare(sql).all(alice.id, alice.id) as unknown[]).length;
      expect(rows('SELECT 1 FROM saved_papers WHERE owner_id = ? OR saved_by = ?')).toBe(0);
      expect(rows('SELECT 1 FROM feedback WHERE user_id = ? OR user_id = ?')).toBe(0);
      expect(rows('SELECT 1 FROM subscriptions WHERE created_by = ? OR created_by = ?')).toBe(0);
      expect((db.prepare('SELECT user_id FROM feedback').all() as { user_id: string }[]).map((r) => r.user_id)).toEqual([bob.id]);
    } finally {
      db.close();
    }
  });
});

describe('GIVEN a channel that marks a digest\'s papers down from its Rate menu', () => {
  const names = (message: FakeMessage) => ((message.embeds[0] as { fields?: { name: string }[] }).fields ?? []).map((f) => f.name.replace(/^\d+\. /, ''));

  it('THEN its next digest on the topic keeps the best match and replaces the papers it disliked', async () => {
    const { message: first } = await slash('digest', { topic: 'contrastive learning' }, bob);
    const before = names(first);
    expect(before).toHaveLength(5);
    // The menu lists 👍 and 👎 for each paper: 👎 on all five.
    for (const index of [1, 3, 5, 7, 9]) {
      const { answer } = await choose(first, 'Rate for this channel…', index, bob);
      expect(text(answer)).toMatch(/^ 👎 for “.+”/);
    }
    const { message: second } = await slash('digest', { topic: 'contrastive learning' }, bob);
    const after = names(second);
    expect(after).toHaveLength(5);
    expect(after).toContain(before[0]);
    expect(after.filter((name) => name !== before[0] && before.includes(name))).toEqual([]);
  });
});
