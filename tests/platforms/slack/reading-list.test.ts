/**
 * Reading lists and votes through the real Bolt App and the fake Slack, on a real SQLite store:
 * Save from a paper's menu, exports sent by direct message (a file cannot be ephemeral), and a
 * clear answer when the app lacks the scopes to send one.
 */
import { parse } from '@retorquere/bibtex-parser';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../commands/index.js';
import { Bot } from '../../../src/core/bot.js';
import { startSlack, type SlackHandle } from '../../../src/platforms/slack/app.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite.js';
import { findButton, SlackRequestSender, startFakeSlack, type FakeSlack } from '../../fakes/slack/index.js';
import { tempDir } from '../../scheduler/helpers.js';
import { fakeLibrary } from './fixtures.js';

const SECRET = 'test-signing-secret';
type Message = Record<string, unknown> & { text?: string; response_type?: string };

describe('Slack reading lists (real Bolt App, fake Slack, real store)', () => {
  const dir = tempDir();
  let store: SqliteStore;
  let fake: FakeSlack;
  let slack: SlackHandle;
  let sender: SlackRequestSender;

  beforeAll(async () => {
    store = openSqliteStore(dir.path('lists.db'));
    const library = fakeLibrary();
    fake = await startFakeSlack();
    slack = await startSlack(
      { botToken: 'xoxb-test', mode: 'http', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, managePolicy: 'admins', managers: [] },
      new Bot({ registry: createRegistry(), library: () => library, userData: store }),
    );
    sender = new SlackRequestSender(`http://127.0.0.1:${slack.port}/slack/events`, SECRET);
  });
  afterAll(async () => {
    await slack?.stop();
    await fake?.stop();
    await store?.close();
    dir.cleanup();
  });

  async function command(text: string, userId: string): Promise<Message> {
    const id = randomUUID();
    expect((await sender.slashCommand('/papers', text, { responseUrl: fake.responseUrl(id), userId, channelId: 'C0TEAM' })).status).toBe(200);
    return (await fake.waitForResponses(id))[0] as Message;
  }

  async function press(message: Message, label: string, userId: string): Promise<Message> {
    const button = findButton(message, label);
    expect(button, label).toBeDefined();
    const id = randomUUID();
    await sender.blockAction(button!, { responseUrl: fake.responseUrl(id), ephemeral: message.response_type === 'ephemeral', userId, channelId: 'C0TEAM' });
    return (await fake.waitForResponses(id))[0] as Message;
  }

  it('saves from a paper\'s menu, lists privately, and sends the BibTeX export by direct message', async () => {
    const results = await command('search diffusion', 'U0ALICE');
    const savedOne = await press(results, 'Save', 'U0ALICE');
    expect(savedOne).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(savedOne.text).toBe('Saved “Denoising Diffusion Models at Scale” to your reading list (1 paper).');
    // The saving menu offers no "Share to channel": a reading list is not the channel's.
    expect(findButton(savedOne, 'Share to channel')).toBeUndefined();

    const listed = await command('saved', 'U0ALICE');
    expect(listed.response_type).toBe('ephemeral');
    expect(JSON.stringify(listed)).toContain('Denoising Diffusion Models at Scale');
    expect((await command('saved', 'U0BOB')).text).toBe('Your reading list is empty.');

    const exported = await command('saved export bibtex', 'U0ALICE');
    expect(exported.response_type).toBe('ephemeral');
    expect(exported.text).toBe('Your reading list as BibTeX: 1 paper. I sent paperbot-reading-list.bib to you in a direct message.');
    expect(fake.callsTo('conversations.open').at(-1)!.args.users).toBe('U0ALICE');
    const [file] = fake.files;
    expect(file).toMatchObject({ channel: 'DU0ALICE', filename: 'paperbot-reading-list.bib' });
    const bib = parse(file!.content, { sentenceCase: false });
    expect(bib.errors).toEqual([]);
    expect(bib.entries.map((e) => e.fields.title)).toEqual(['Denoising Diffusion Models at Scale']);
  });

  it('"Save for channel" on a paper\'s details adds it to the channel\'s shared list, which says who added it', async () => {
    const details = await command('paper p3diff03', 'U0BOB');
    const saved = await press(details, 'Save for channel', 'U0BOB');
    expect(saved.text).toBe("Saved “Consistency Models Distil Diffusion” to this channel's reading list (1 paper).");
    expect(await store.readingLists.list({ platform: 'slack', kind: 'channel', id: 'C0TEAM' })).toMatchObject([{ paperId: 'p3diff03', savedBy: 'U0BOB' }]);
    expect(JSON.stringify(await command('saved channel', 'U0ALICE'))).toContain('Consistency Models Distil Diffusion');
  });

  it('explains, without a raw error, when the app may not send files', async () => {
    await command('save p2diff02', 'U0CAROL');
    fake.fail('files.getUploadURLExternal', { error: 'missing_scope' });
    const answer = await command('saved export csv', 'U0CAROL');
    expect(answer.text).toBe("I couldn't send you the file. paperbot needs the `files:write` and `im:write` scopes: ask whoever installed it to reinstall the app from its manifest.");
    expect(JSON.stringify(answer)).not.toContain('missing_scope');
  });

  it('votes from the paper menu; only channel managers may reset the channel\'s taste', async () => {
    const results = await command('search diffusion', 'U0ALICE');
    const voted = await press(results, '👍', 'U0ALICE');
    expect(voted.text).toBe("👍 for “Denoising Diffusion Models at Scale”: this channel's digests will lean towards papers like it.");
    expect(await store.feedback.channelVotes({ platform: 'slack', channelId: 'C0TEAM' })).toMatchObject([{ userId: 'U0ALICE', paperId: 'p1diff01', vote: 1 }]);
    const refused = await command('taste reset', 'U0ALICE');
    expect(refused.text).toContain('Only people who can manage this channel may reset its taste.');
    expect(await store.feedback.channelVotes({ platform: 'slack', channelId: 'C0TEAM' })).toHaveLength(1);
  });
});
