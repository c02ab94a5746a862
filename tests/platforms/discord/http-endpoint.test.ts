/**
 * The HTTP interactions endpoint on its own, with a real Ed25519 key pair and the fake Discord
 * for REST: signatures, PING, answers in the HTTP response, deferrals finished over the webhook
 * routes, components and autocomplete, with the same privacy rules as the gateway.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandList } from '../../../commands/index.js';
import { defineCommand } from '../../../src/core/command.js';
import { reply } from '../../../src/core/reply.js';
import { startDiscordHttp, type DiscordHttpHandle } from '../../../src/platforms/discord/index.js';
import { InteractionSender, menuOption, snowflake, startFakeDiscord, user, type FakeDiscord, type FakeMessage } from '../../fakes/discord/index.js';
import { botWith } from './helpers.js';

const EPHEMERAL = 64;
const DEFER_MS = 60;

/** Takes 300 ms (well over the budget); `public: 1` answers for everyone; its Next button re-runs it. */
const slow = defineCommand({
  name: 'slow',
  description: 'A slow command',
  usage: 'slow',
  args: [
    { name: 'public', description: '1 for a public answer', type: 'integer', default: 0 },
    { name: 'page', description: 'Page', type: 'integer', default: 1 },
  ],
  async execute({ public: open, page }) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return reply(`Page ${page}`, [{ type: 'text', text: `Page ${page}` }], [{ label: 'Next', action: { command: 'slow', args: { public: open, page: page + 1 } } }], open === 0);
  },
});

/** Fails, at once or after the budget. */
const broken = defineCommand({
  name: 'broken',
  description: 'Always fails',
  usage: 'broken',
  args: [{ name: 'late', description: '1 to fail after the budget', type: 'integer', default: 0 }],
  async execute({ late }) {
    if (late) await new Promise((resolve) => setTimeout(resolve, 300));
    throw new Error('secret internal detail');
  },
});

let fake: FakeDiscord;
let endpoint: DiscordHttpHandle;
let discord: InteractionSender;
const alice = user(snowflake(), 'alice');
const bob = user(snowflake(), 'bob');

beforeAll(async () => {
  fake = await startFakeDiscord();
  discord = new InteractionSender(fake, '');
  endpoint = await startDiscordHttp(
    { token: fake.token, publicKey: discord.publicKey, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, rootName: 'papers', deferAfterMs: DEFER_MS },
    botWith({ commands: [...commandList, slow, broken] }),
  );
  discord.url = `http://127.0.0.1:${endpoint.port}/discord/interactions`;
});
afterAll(async () => {
  await endpoint?.stop();
  await fake?.stop();
});

const webhook = (token: string) => `/webhooks/${fake.applicationId}/${token}`;
/** REST calls made for one interaction, with its token replaced. */
const restCalls = (token: string) => fake.calls.filter((c) => c.path.includes(token)).map((c) => `${c.method} ${c.path.replace(webhook(token), '/webhooks/:app/:token')} ${c.status}`);
/** The message the initial response created (or the message a deferred update edits). */
const original = (delivery: { record?: { originalId?: string } }): FakeMessage => fake.messages.get(delivery.record!.originalId!)!;

describe('GIVEN requests that do not come from Discord', () => {
  const payload = () => fake.interactions.slashCommandPayload({ root: 'papers', subcommand: 'help', user: alice });

  it('THEN a PING signed with the application key gets a PONG', async () => {
    const pong = await discord.ping();
    expect(pong).toMatchObject({ status: 200, body: { type: 1 } });
  });

  it('THEN a signature by another key, or over another body, gets a 401 and runs nothing', async () => {
    const { privateKey: stranger } = generateKeyPairSync('ed25519');
    for (const options of [{ key: stranger }, { tamperedBody: JSON.stringify({ ...payload(), type: 1 }) }]) {
      const delivery = await discord.deliver(payload(), options);
      expect(delivery.status).toBe(401);
      expect(delivery.record!.callback).toBeUndefined();
    }
    expect((await discord.ping({ key: stranger })).status).toBe(401);
  });

  it('THEN a request without the signature or the timestamp header gets a 401', async () => {
    for (const omit of [['x-signature-ed25519'], ['x-signature-timestamp'], ['x-signature-ed25519', 'x-signature-timestamp']] as const) {
      expect((await discord.deliver(payload(), { omit: [...omit] })).status).toBe(401);
    }
    expect((await discord.post('{"type":1}', { 'x-signature-ed25519': 'zz', 'x-signature-timestamp': 'soon' })).status).toBe(401);
  });

  it('THEN a correctly signed request older (or newer) than five minutes gets a 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await discord.ping({ timestamp: now - 301 })).status).toBe(401);
    expect((await discord.ping({ timestamp: now + 301 })).status).toBe(401);
    expect((await discord.ping({ timestamp: now - 290 })).status).toBe(200);
  });

  it('THEN other paths and methods are refused, and a signed body that is not an interaction is a 400', async () => {
    const base = discord.url.replace('/discord/interactions', '');
    expect((await fetch(`${base}/discord/interactions`)).status).toBe(405);
    expect((await fetch(`${base}/interactions`, { method: 'POST', body: '{}' })).status).toBe(404);
    const timestamp = String(Math.floor(Date.now() / 1000));
    for (const body of ['not json', '{"hello":"world"}']) {
      expect((await discord.post(body, { 'x-signature-ed25519': discord.sign(timestamp, body), 'x-signature-timestamp': timestamp })).status).toBe(400);
    }
  });
});

describe('GIVEN commands that finish within the budget', () => {
  it('THEN the answer is the HTTP response itself, and nothing goes over REST', async () => {
    const delivery = await discord.slashCommand({ root: 'papers', subcommand: 'search', options: { query: 'diffusion' }, user: alice });
    expect(delivery.status).toBe(200);
    expect(delivery.accepted!.status).toBe(204);
    expect(delivery.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, allowed_mentions: { parse: [] }, embeds: [{ title: 'Papers matching “diffusion”' }] } });
    expect(restCalls(delivery.record!.token)).toEqual([]);
  });

  it('THEN help shows Discord\'s own syntax', async () => {
    const delivery = await discord.slashCommand({ root: 'papers', subcommand: 'help', user: alice });
    const text = JSON.stringify(delivery.body);
    expect(text).toContain('/papers search diffusion models since:2024');
    expect(text).toContain('/papers-admin subscribe diffusion 08:30 Europe/Paris weekdays 3');
  });

  it('THEN autocomplete answers with choices (type 8)', async () => {
    const delivery = await discord.autocomplete({ root: 'papers', subcommand: 'digest', options: { topic: 'diff' }, focused: 'topic', user: alice });
    expect(delivery.accepted!.status).toBe(204);
    expect(delivery.body!.type).toBe(8);
    const choices = delivery.body!.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.map((c) => c.value)).toContain('diffusion');
  });

  it('THEN a command that fails answers privately with a reference, never the error', async () => {
    const delivery = await discord.slashCommand({ root: 'papers', subcommand: 'broken', user: alice });
    expect(delivery.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(JSON.stringify(delivery.body)).toMatch(/something went wrong on my side \(reference [\w-]+\)/);
    expect(JSON.stringify(delivery.body)).not.toContain('secret internal detail');
  });
});

describe('GIVEN interactions of other shapes', () => {
  it('THEN a command from a direct message (a user, no member) is answered, without channel-manager rights', async () => {
    const dm = fake.interactions.slashCommandPayload({ root: 'papers-admin', subcommand: 'subscribe', options: { topic: 'diffusion' } });
    for (const field of ['member', 'guild_id', 'guild']) delete dm[field];
    const delivery = await discord.deliver({ ...dm, user: alice, context: 1 });
    expect(delivery.status).toBe(200);
    expect(JSON.stringify(delivery.body)).toContain('Only people who can manage this channel may use `subscribe`.');
  });

  it('THEN a kind paperbot never sends (a modal, a user menu) gets a 400, as the gateway ignores it', async () => {
    const modal = { ...fake.interactions.slashCommandPayload({ root: 'papers', subcommand: 'help', user: alice }), type: 5, data: { custom_id: 'form', components: [] } };
    expect((await discord.deliver(modal)).status).toBe(400);
    const search = await discord.slashCommand({ root: 'papers', subcommand: 'search', options: { query: 'diffusion' }, user: alice });
    const userMenu = { ...fake.interactions.buttonPayload(original(search).id, 'x', { user: alice }), data: { custom_id: 'x', component_type: 5, values: [alice.id] } };
    expect((await discord.deliver(userMenu)).status).toBe(400);
  });
});

describe('GIVEN components on messages', () => {
  it('THEN a choice in a private result\'s menu answers privately with the chosen paper', async () => {
    const search = await discord.slashCommand({ root: 'papers', subcommand: 'search', options: { query: 'diffusion' }, user: alice });
    const option = menuOption(original(search), 'Details of…', 1);
    const details = await discord.chooseOption(original(search), option.customId, option.value, { user: alice });
    expect(details.accepted!.status).toBe(204);
    expect(details.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect((details.body!.data.embeds as { title?: string }[]).map((e) => e.title)).toContain(option.label.replace(/^\d+\. /, ''));
  });

  it('THEN only the person who ran a shared message moves it; anyone else gets a private copy', async () => {
    const random = await discord.slashCommand({ root: 'papers', subcommand: 'random', user: alice });
    const shared = original(random);
    expect(shared.flags & EPHEMERAL).toBe(0);
    const another = (shared.components as { components: { label?: string; custom_id?: string }[] }[]).flatMap((r) => r.components).find((b) => b.label === 'Another one')!;
    const before = JSON.stringify(shared.embeds);

    const bobs = await discord.pressButton(shared, another.custom_id!, { user: bob });
    expect(bobs.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(JSON.stringify(fake.messages.get(shared.id)!.embeds)).toBe(before);

    const alices = await discord.pressButton(shared, another.custom_id!, { user: alice });
    expect(alices.body!.type).toBe(7);
    expect(alices.accepted!.status).toBe(204);
    expect(alices.body!.data.flags).toBeUndefined();
  });
});

describe('GIVEN a command slower than the budget', () => {
  it('THEN the HTTP response defers ephemerally and the answer edits @original over REST', async () => {
    const delivery = await discord.slashCommand({ root: 'papers', subcommand: 'slow', user: alice });
    expect(delivery.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    await fake.waitForCall((c) => c.method === 'PATCH' && c.path === `${webhook(delivery.record!.token)}/messages/@original`);
    expect(restCalls(delivery.record!.token)).toEqual(['PATCH /webhooks/:app/:token/messages/@original 200']);
    // Webhook routes go without the bot token: the interaction token in the URL is the authority.
    expect(fake.calls.filter((c) => c.path.includes(delivery.record!.token)).every((c) => !c.authorized)).toBe(true);
    expect(original(delivery)).toMatchObject({ flags: EPHEMERAL, embeds: [{ description: 'Page 1' }] });
  });

  it('THEN a public answer is a follow-up for everyone, and the private placeholder goes away', async () => {
    const delivery = await discord.slashCommand({ root: 'papers', subcommand: 'slow', options: { public: 1 }, user: alice });
    expect(delivery.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const token = delivery.record!.token;
    await fake.waitForCall((c) => c.method === 'DELETE' && c.path.startsWith(webhook(token)));
    expect(restCalls(token)).toEqual([
      'PATCH /webhooks/:app/:token/messages/@original 200',
      'POST /webhooks/:app/:token 200',
      'DELETE /webhooks/:app/:token/messages/@original 204',
    ]);
    expect(fake.messages.get(delivery.record!.followUps[0]!)).toMatchObject({ flags: 0, embeds: [{ description: 'Page 1' }] });
  });

  it('THEN a slow in-place button defers the update (type 6), then edits the message', async () => {
    const first = await discord.slashCommand({ root: 'papers', subcommand: 'slow', user: alice });
    await fake.waitForCall((c) => c.method === 'PATCH' && c.path.startsWith(webhook(first.record!.token)));
    const message = original(first);
    const next = (message.components as { components: { custom_id: string }[] }[])[0]!.components[0]!.custom_id;
    const press = await discord.pressButton(message, next, { user: alice });
    expect(press.body).toEqual({ type: 6 });
    await fake.waitForCall((c) => c.method === 'PATCH' && c.path.startsWith(webhook(press.record!.token)));
    expect(fake.messages.get(message.id)).toMatchObject({ flags: EPHEMERAL, embeds: [{ description: 'Page 2' }] });
  });

  it('THEN a failure after the deferral is apologised for in the private placeholder', async () => {
    const delivery = await discord.slashCommand({ root: 'papers', subcommand: 'broken', options: { late: 1 }, user: alice });
    expect(delivery.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const call = await fake.waitForCall((c) => c.method === 'PATCH' && c.path === `${webhook(delivery.record!.token)}/messages/@original`);
    expect(JSON.stringify(call.body)).toMatch(/something went wrong on my side \(reference [\w-]+\)/);
    expect(JSON.stringify(call.body)).not.toContain('secret internal detail');
    expect(original(delivery).flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('THEN a refused edit after the deferral is apologised for in a private follow-up, with a reference', async () => {
    const payload = fake.interactions.slashCommandPayload({ root: 'papers', subcommand: 'slow', user: alice });
    fake.injectFault({ method: 'PATCH', path: `${webhook(payload.token)}/messages/@original`, status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    const delivery = await discord.deliver(payload);
    expect(delivery.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const call = await fake.waitForCall((c) => c.method === 'POST' && c.path === webhook(payload.token));
    expect(call.body).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/^Sorry, something went wrong on my side \(reference [\w-]+\)\. Please try again in a moment\.$/) });
  });
});

describe('GIVEN the endpoint\'s life', () => {
  it('THEN it is healthy while it listens, and not after stop', async () => {
    const sender = new InteractionSender(fake, '');
    const other = await startDiscordHttp({ token: fake.token, publicKey: sender.publicKey, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, rootName: 'papers' }, botWith());
    sender.url = `http://127.0.0.1:${other.port}/discord/interactions`;
    expect(other.isReady()).toBe(true);
    expect((await sender.ping()).status).toBe(200);
    await other.stop();
    expect(other.isReady()).toBe(false);
    await expect(sender.ping()).rejects.toThrow();
  });

  it('THEN a bad bot token fails the start with a clear error that does not echo it', async () => {
    const start = startDiscordHttp({ token: 'wrong-token-value', publicKey: discord.publicKey, port: 0, host: '127.0.0.1', apiUrl: fake.apiUrl, rootName: 'papers' }, botWith());
    await expect(start).rejects.toThrow(/^discord: Discord refused the bot token \(401\); check DISCORD_TOKEN$/);
  });
});
