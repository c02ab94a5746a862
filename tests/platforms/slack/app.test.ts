/**
 * End to end: the real Bolt App in HTTP mode on 127.0.0.1, signed requests in, Block Kit out
 * through the fake's response URLs, Web API calls answered by the fake.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandList } from '../../../commands/index.js';
import { defineCommand } from '../../../src/core/command.js';
import { reply } from '../../../src/core/reply.js';
import { startSlack, type SlackHandle } from '../../../src/platforms/slack/app.js';
import { LINK_OPTION_VALUE } from '../../../src/platforms/slack/render.js';
import { findButton, SlackRequestSender, startFakeSlack, type Caller, type FakeSlack } from '../../fakes/slack/index.js';
import { fixtureBot } from './fixtures.js';

const SECRET = 'test-signing-secret';

/** A channel-settings command, standing in for `subscribe`. */
const settings = defineCommand({
  name: 'settings',
  description: 'Change this channel’s settings',
  usage: 'settings',
  args: [],
  requiresManage: true,
  execute: () => reply('Settings changed.', [{ type: 'text', text: 'Settings changed.' }]),
});
const boom = defineCommand({
  name: 'boom',
  description: 'Fails',
  usage: 'boom',
  args: [],
  execute: () => {
    throw new Error('kaboom');
  },
});

type Message = Record<string, unknown> & { blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[] };

describe('Slack adapter over HTTP (real Bolt App, fake Slack)', () => {
  let fake: FakeSlack;
  let slack: SlackHandle;
  let sender: SlackRequestSender;

  beforeAll(async () => {
    fake = await startFakeSlack({ users: [{ id: 'UADMIN', is_admin: true }, { id: 'U0USER' }, { id: 'U0LOOKUP' }] });
    slack = await startSlack(
      { botToken: 'xoxb-test', mode: 'http', signingSecret: SECRET, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, managePolicy: 'admins', managers: ['UMANAGER'] },
      fixtureBot([...commandList, settings, boom]),
    );
    sender = new SlackRequestSender(`http://127.0.0.1:${slack.port}/slack/events`, SECRET);
  });
  afterAll(async () => {
    await slack?.stop();
    await fake?.stop();
  });

  /** Sends `/papers <text>`, checks the ack, returns the message posted to the response URL. */
  async function command(text: string, caller: Partial<Caller> = {}): Promise<Message> {
    const id = randomUUID();
    const ack = await sender.slashCommand('/papers', text, { responseUrl: fake.responseUrl(id), ...caller });
    expect(ack.status).toBe(200);
    const [message] = await fake.waitForResponses(id);
    return message as Message;
  }

  async function press(message: Message, label: string | RegExp, count = 1, caller: Partial<Caller> & { ephemeral?: boolean } = {}): Promise<Message[]> {
    const button = findButton(message, label);
    expect(button, `button ${label}`).toBeDefined();
    const id = randomUUID();
    // Ephemeral replies arrive with `container.is_ephemeral`, as Slack marks them.
    const ack = await sender.blockAction(button!, { responseUrl: fake.responseUrl(id), ephemeral: message.response_type === 'ephemeral', ...caller });
    expect(ack.status).toBe(200);
    return (await fake.waitForResponses(id, count)) as Message[];
  }

  const header = (message: Message) => message.blocks.find((b) => b.type === 'header')?.text?.text;
  const allText = (message: Message) => JSON.stringify(message.blocks);

  it('calls auth.test against the fake at start and reports ready', () => {
    expect(fake.callsTo('auth.test')[0]).toMatchObject({ authorized: true, outcome: 'ok' });
    expect(slack.isReady()).toBe(true);
  });

  it('search: ephemeral results with pagination and a share button', async () => {
    const message = await command('search diffusion models');
    expect(message.response_type).toBe('ephemeral');
    expect(header(message)).toBe('Papers matching “diffusion models”');
    expect(allText(message)).toContain('Results 1–5 of 6');
    expect(findButton(message, 'Next ▶')).toBeDefined();
    expect(findButton(message, 'Share to channel')).toBeDefined();
  });

  it('parses forgivingly: case, extra spaces and a repeated command name', async () => {
    for (const text of ['  SEARCH    diffusion   models ', '/papers search diffusion models', 'papers Search diffusion models']) {
      expect(header(await command(text))).toBe('Papers matching “diffusion models”');
    }
  });

  it('random: an in-channel paper with "Another one"', async () => {
    const message = await command('random');
    expect(message.response_type).toBe('in_channel');
    expect(header(message)).toBe('A random paper');
    expect(findButton(message, 'Another one')).toBeDefined();
  });

  it('digest contrastive 5: a digest for the curated topic', async () => {
    const message = await command('digest contrastive 5');
    expect(message.response_type).toBe('in_channel');
    expect(header(message)).toBe('Digest: Contrastive learning');
    expect(allText(message)).toContain('Contrastive Learning of Visual Representations');
  });

  it('paper ID: details with fields and escaped corpus text', async () => {
    const message = await command('paper p6diff06');
    expect(allText(message)).toContain('*Diffusion Transformers &lt;!channel&gt; &amp; friends*');
    expect(allText(message)).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expect(message.blocks.some((b) => b.type === 'section' && 'fields' in b)).toBe(true);
  });

  it('similar ID, topics and help', async () => {
    expect(header(await command('similar p1diff01'))).toBe('Papers like “Denoising Diffusion Models at Scale”');
    expect(header(await command('topics'))).toBe('Topics');
    expect(header(await command('help'))).toBe('paperbot');
    expect(header(await command(''))).toBe('paperbot');
  });

  it('a wrong subcommand gets a friendly ephemeral error with the known commands', async () => {
    const message = await command('frobnicate now');
    expect(message.response_type).toBe('ephemeral');
    expect(message.text).toContain('I don\'t know the command `frobnicate`');
    expect(findButton(message, 'Share to channel')).toBeUndefined();
  });

  it('an unexpected failure shows an apology with an error reference', async () => {
    const message = await command('boom');
    expect(message.text).toMatch(/Sorry, something went wrong on my side \(reference E-[0-9A-F]{6}\)/);
  });

  it('"Next ▶" replaces the original message with the next page', async () => {
    const [next] = await press(await command('search diffusion models'), 'Next ▶');
    expect(next!.replace_original).toBe(true);
    expect(allText(next!)).toContain('Results 6–6 of 6');
    expect(findButton(next!, '◀ Previous')).toBeDefined();
    expect(findButton(next!, 'Share to channel')).toBeDefined();
  });

  it('paging a message already in the channel offers no share button', async () => {
    const [shared] = await press(await command('search diffusion models'), 'Share to channel', 2);
    const [next] = await press(shared!, 'Next ▶');
    expect(next!.replace_original).toBe(true);
    expect(findButton(next!, 'Share to channel')).toBeUndefined();
  });

  it('"Another one" replaces the random paper; "Details" answers with a new message', async () => {
    const first = await command('random');
    const [again] = await press(first, 'Another one');
    expect(again!.replace_original).toBe(true);
    expect(header(again!)).toBe('A random paper');
    const [details] = await press(first, 'Details');
    expect(details!.replace_original).toBe(false);
    expect(allText(details!)).toContain('Denoising Diffusion Models at Scale');
  });

  it('"Share to channel" posts the reply in the channel and deletes the ephemeral copy', async () => {
    const [shared, deletion] = await press(await command('search diffusion models'), 'Share to channel', 2);
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(header(shared!)).toBe('Papers matching “diffusion models”');
    expect(allText(shared!)).toContain('Shared by <@U0USER>');
    expect(findButton(shared!, 'Share to channel')).toBeUndefined();
    expect(deletion).toEqual({ delete_original: true });
  });

  it('an unknown button value answers that the button expired', async () => {
    const id = randomUUID();
    await sender.blockAction({ action_id: 'pb:0', value: 'pbr:gone', text: { text: 'Next' } }, { responseUrl: fake.responseUrl(id) });
    const [message] = await fake.waitForResponses(id);
    expect(message).toMatchObject({ text: expect.stringContaining('This button has expired.'), replace_original: false });
  });

  it('"Open on arXiv" in a paper\'s menu is acknowledged and answered with nothing: Slack opens the link itself', async () => {
    const linkId = randomUUID();
    const ack = await sender.blockAction(
      { action_id: 'pb:o0', value: LINK_OPTION_VALUE, text: { text: 'Open on arXiv' }, overflow: true, block_id: 'pb:paper:2' },
      { responseUrl: fake.responseUrl(linkId), ephemeral: true },
    );
    expect(ack.status).toBe(200);
    // A later press is answered; by then the link press would have been too, had it been.
    const id = randomUUID();
    await sender.blockAction({ action_id: 'pb:0', value: 'pbr:gone', text: { text: 'Next' } }, { responseUrl: fake.responseUrl(id) });
    await fake.waitForResponses(id);
    expect(fake.responsesTo(linkId)).toEqual([]);
  });

  it('rejects a bad signature and a stale timestamp with 401, without responding', async () => {
    const id = randomUUID();
    const bad = await sender.slashCommand('/papers', 'help', { responseUrl: fake.responseUrl(id) }, { signature: 'v0=' + '0'.repeat(64) });
    expect(bad.status).toBe(401);
    const stale = await sender.slashCommand('/papers', 'help', { responseUrl: fake.responseUrl(id) }, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.responsesTo(id)).toEqual([]);
  });

  describe('admins policy for channel-management commands', () => {
    it('refuses a regular user after asking users.info', async () => {
      // A regular user no other test sends a managing command as: U0USER's answer may already be
      // cached, depending on which tests ran first.
      const before = fake.callsTo('users.info').length;
      const message = await command('settings', { userId: 'U0LOOKUP' });
      expect(message.text).toContain('Only people who can manage this channel may use `settings`.');
      expect(fake.callsTo('users.info').length).toBe(before + 1);
    });

    it('refuses the real subscribe command to a regular user', async () => {
      const message = await command('subscribe diffusion', { userId: 'U0USER' });
      expect(message.text).toContain('Only people who can manage this channel may use `subscribe`.');
    });

    it('allows a workspace admin, and caches the lookup', async () => {
      expect((await command('settings', { userId: 'UADMIN' })).text).toBe('Settings changed.');
      const calls = fake.callsTo('users.info').length;
      expect((await command('settings', { userId: 'UADMIN' })).text).toBe('Settings changed.');
      expect(fake.callsTo('users.info').length).toBe(calls);
    });

    it('allows a listed manager without a lookup, and fails closed when users.info fails', async () => {
      const calls = fake.callsTo('users.info').length;
      expect((await command('settings', { userId: 'UMANAGER' })).text).toBe('Settings changed.');
      expect(fake.callsTo('users.info').length).toBe(calls);
      fake.fail('users.info', { status: 503 });
      expect((await command('settings', { userId: 'UOTHER' })).text).toContain('Only people who can manage');
    });

    it('never asks users.info for ordinary commands', async () => {
      const calls = fake.callsTo('users.info').length;
      await command('topics', { userId: 'UNEW' });
      expect(fake.callsTo('users.info').length).toBe(calls);
    });
  });
});
