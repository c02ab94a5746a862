/**
 * The whole app with Discord in HTTP mode (`DISCORD_MODE=http`): no gateway session; every
 * command arrives as a request signed with a real Ed25519 key and is answered through the
 * endpoint, the fake Discord taking the answers as Discord would. Digests still go over REST.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandList } from '../../commands/index.js';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/core/logger.js';
import { ALL_PERMISSIONS, InteractionSender, MANAGE_CHANNELS, menuOption, snowflake, startFakeDiscord, user, type Delivery, type FakeDiscord } from '../fakes/discord/index.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const EPHEMERAL = 64;
let fake: FakeDiscord;
let discord: InteractionSender;
let app: App;
let stateDir: string;
const alice = user(snowflake(), 'alice');
const bob = user(snowflake(), 'bob');

beforeAll(async () => {
  // Channels enough that the cases with channel state each get their own.
  fake = await startFakeDiscord({ channelIds: Array.from({ length: 6 }, () => snowflake()) });
  discord = new InteractionSender(fake, '');
  const port = await freePort();
  stateDir = mkdtempSync(join(tmpdir(), 'paperbot-discord-http-'));
  const config = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_MODE: 'http',
    DISCORD_PUBLIC_KEY: discord.publicKey,
    DISCORD_HTTP_PORT: String(port),
    OPS_PORT: String(await freePort()),
    PAPERBOT_STATE_DIR: stateDir,
    PAPERBOT_SOURCES: 'files', // no network sources in tests
    // Every command from two users in a few seconds: well over the default per-user limits.
    PAPERBOT_RATE_LIMIT_PER_MINUTE: '10000',
    PAPERBOT_RATE_LIMIT_BURST: '1000',
    LOG_LEVEL: 'silent',
  });
  expect(config.platforms).toEqual(['discord']);
  app = await startApp(config, silentLogger, { input: new PassThrough(), output: new PassThrough() });
  discord.url = `http://127.0.0.1:${port}/discord/interactions`;
});

afterAll(async () => {
  await app?.shutdown.shutdown({ timeoutMs: 5000 });
  await fake?.stop();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

/** Runs `/papers <command>` (or `/papers-admin`) through the endpoint; the answer must be one Discord takes. */
async function slash(command: string, options: Record<string, string | number> = {}, who = alice, permissions = ALL_PERMISSIONS, channelId?: string): Promise<Delivery> {
  const root = commandList.find((c) => c.name === command)?.requiresManage ? 'papers-admin' : 'papers';
  const delivery = await discord.slashCommand({ root, subcommand: command, options, user: who, permissions, ...(channelId ? { channelId } : {}) });
  expect(delivery.status).toBe(200);
  expect(delivery.accepted?.status).toBe(204);
  return delivery;
}

/** Everything the user sees of an answer: content, embed titles, descriptions, fields and footers. */
function shown(delivery: Delivery): string {
  type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } };
  const data = (delivery.body?.data ?? {}) as { content?: string; embeds?: Embed[] };
  const embeds = (data.embeds ?? []).map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].filter(Boolean).join('\n'));
  return [data.content ?? '', ...embeds].join('\n');
}

describe('GIVEN DISCORD_MODE=http', () => {
  it('THEN no gateway session is opened, and the endpoint answers Discord\'s PING', async () => {
    expect(fake.gateway.ready).toBe(0);
    expect(fake.callsTo('GET', '/gateway/bot')).toEqual([]);
    expect(await discord.ping()).toMatchObject({ status: 200, body: { type: 1 } });
  });

  it('THEN a request with a bad signature gets a 401', async () => {
    const payload = fake.interactions.slashCommandPayload({ root: 'papers', subcommand: 'help', user: alice });
    expect((await discord.deliver(payload, { tamperedBody: JSON.stringify({ ...payload, member: { ...payload.member, permissions: String(ALL_PERMISSIONS | 8n) } }) })).status).toBe(401);
  });

  it('THEN /readyz reports Discord ready', async () => {
    const health = await fetch(`http://127.0.0.1:${app.opsPort}/readyz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { checks: Record<string, { ok: boolean }> };
    expect(body.checks.discord?.ok).toBe(true);
  });
});

/** Cases that keep state per channel get a channel of their own, so none depends on another having run. */
const CHANNEL_OF = ['default', 'subscribe', 'unsubscribe', 'subscriptions', 'digest-now', 'taste'];

/** A new user, and the channel of the case. */
function fresh(name: string, channelFor = 'default') {
  return { who: user(snowflake(), name), channelId: fake.channelIds[CHANNEL_OF.indexOf(channelFor)]! };
}

async function subscribed(channelId: string): Promise<void> {
  const answer = await slash('subscribe', { topic: 'diffusion', time: '08:30', timezone: 'Europe/Paris' }, fresh('admin').who, ALL_PERMISSIONS, channelId);
  expect(shown(answer)).toMatch(/Subscribed|Subscription updated/);
}

/** At least one run of each command, each on its own. */
const cases: Record<string, () => Promise<void>> = {
  help: async () => {
    expect(shown(await slash('help'))).toContain('/papers search diffusion models since:2024');
    expect(shown(await slash('help', { command: 'digest' }))).toContain('Example: /papers digest contrastive learning 5');
  },
  search: async () => {
    const results = await slash('search', { query: 'diffusion models' });
    expect(results.body!.data.flags).toBe(EPHEMERAL);
    expect(shown(results)).toContain('Papers matching “diffusion models”');
  },
  // The bundled corpus is older than a week, and no source adds papers here.
  latest: async () => expect(shown(await slash('latest'))).toMatch(/No new papers arrived this week\.|most upvoted first/),
  author: async () => expect(shown(await slash('author', { name: 'Yann LeCun' }))).toContain('LeCun'),
  random: async () => {
    const random = await slash('random', { topic: 'diffusion' });
    expect(random.body!.data.flags).toBeUndefined();
    expect(random.body!.data.embeds.length).toBeGreaterThan(0);
  },
  digest: async () => expect(shown(await slash('digest', { topic: 'contrastive learning', count: 3 }))).toMatch(/Digest/),
  paper: async () => expect((await slash('paper', { id: 'pskim5ab' })).body!.data.embeds[0].title).toBe('Diffusion Models Beat GANs on Image Synthesis'),
  similar: async () => expect(shown(await slash('similar', { id: 'pskim5ab', count: 3 }))).toContain('Papers like “'),
  topics: async () => expect(shown(await slash('topics'))).toContain('Topics'),
  save: async () => {
    const { who } = fresh('saver');
    expect(shown(await slash('save', { id: 'pskim5ab' }, who))).toMatch(/Saved “.+” to your reading list \(1 paper\)\./);
  },
  unsave: async () => {
    const { who } = fresh('unsaver');
    await slash('save', { id: 'pskim5ab' }, who);
    expect(shown(await slash('unsave', { id: 'pskim5ab' }, who))).toMatch(/[Rr]emoved/);
  },
  saved: async () => {
    const { who } = fresh('reader');
    await slash('save', { id: 'pskim5ab' }, who);
    const list = await slash('saved', {}, who);
    expect(list.body!.data.flags).toBe(EPHEMERAL);
    expect(shown(list)).toContain('Your reading list (1 paper)');

    // An HTTP response cannot carry files: a deferral, then @original edited with the file. Discord
    // is slow to take the deferral here, so the first edit finds no webhook yet and is made again.
    const payload = fake.interactions.slashCommandPayload({ root: 'papers', subcommand: 'saved', options: { what: 'export bibtex' }, user: who });
    const exported = await discord.deliver(payload, { ackDelayMs: 100 });
    expect(exported.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const edit = `/webhooks/${fake.applicationId}/${payload.token}/messages/@original`;
    await fake.waitForCall((c) => c.method === 'PATCH' && c.path === edit && c.status === 200);
    expect(fake.callsTo('PATCH', edit).map((c) => c.status)).toEqual([404, 200]);
    const file = fake.messages.get(exported.record!.originalId!)!;
    expect(file.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(file.attachments.map((a) => a.filename)).toEqual(['paperbot-reading-list.bib']);
    expect(file.attachments[0]!.content).toContain('paperbot pskim5ab');
  },
  rate: async () => expect(shown(await slash('rate', { id: 'pskim5ab', vote: 'up' }, fresh('voter').who))).toMatch(/👍 for “.+”/),
  taste: async () => {
    const { who, channelId } = fresh('critic', 'taste');
    await slash('rate', { id: 'pskim5ab', vote: 'up' }, who, ALL_PERMISSIONS, channelId);
    const taste = shown(await slash('taste', {}, who, ALL_PERMISSIONS, channelId));
    expect(taste).toContain("This channel's taste");
    expect(taste).toContain('Diffusion Models Beat GANs on Image Synthesis (pskim5ab)');
  },
  forget: async () => {
    const { who } = fresh('leaver');
    await slash('save', { id: 'pskim5ab' }, who);
    expect(shown(await slash('forget', { who: 'me' }, who))).toContain('Done: I deleted your reading list (1 paper)');
  },
  subscribe: async () => {
    const { who, channelId } = fresh('member', 'subscribe');
    // Checked on every run: server admins can show /papers-admin to anyone.
    expect(shown(await slash('subscribe', { topic: 'diffusion' }, who, ALL_PERMISSIONS & ~MANAGE_CHANNELS, channelId))).toContain('Only people who can manage this channel may use `subscribe`.');
    expect(shown(await slash('subscribe', { topic: 'vae', time: '07:15', timezone: 'Europe/Paris' }, who, ALL_PERMISSIONS, channelId))).toMatch(/Subscribed|Subscription updated/);
  },
  unsubscribe: async () => {
    const { channelId } = fresh('admin', 'unsubscribe');
    await subscribed(channelId);
    expect(shown(await slash('unsubscribe', { id: 'all' }, alice, ALL_PERMISSIONS, channelId))).toMatch(/[Uu]nsubscribed|[Rr]emoved|[Ss]topped/);
  },
  subscriptions: async () => {
    const { channelId } = fresh('admin', 'subscriptions');
    await subscribed(channelId);
    expect(shown(await slash('subscriptions', {}, bob, ALL_PERMISSIONS, channelId))).toMatch(/diffusion/i);
  },
  'subscribe-me': async () => {
    // No channel rights needed: the digest goes to a DM channel the bot opens over REST.
    const { who } = fresh('reader-dm');
    expect(shown(await slash('subscribe-me', { topic: 'diffusion 9am' }, who, ALL_PERMISSIONS & ~MANAGE_CHANNELS))).toMatch(/Subscribed you to Diffusion models \(#\d+\)/);
    expect([...fake.dms.values()]).toContain(who.id);
  },
  'unsubscribe-me': async () => {
    const { who } = fresh('leaver-dm');
    await slash('subscribe-me', { topic: 'vae' }, who);
    expect(shown(await slash('unsubscribe-me', { id: 'all' }, who))).toContain('Stopped your personal digest.');
  },
  'digest-now': async () => {
    const { channelId } = fresh('admin', 'digest-now');
    await subscribed(channelId);
    const route = `/channels/${channelId}/messages`;
    const before = fake.callsTo('POST', route).length;
    expect(shown(await slash('digest-now', {}, alice, ALL_PERMISSIONS, channelId))).toMatch(/^\nPosted the digest for .+ \(\d+ papers\)\.$/);
    // The digest went to the channel over REST with the bot token, as in gateway mode.
    const posted = fake.callsTo('POST', route).slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ authorized: true, status: 200 });
  },
};

describe('GIVEN every command through the endpoint', () => {
  it('THEN the cases below cover the whole command list', () => {
    expect(Object.keys(cases).sort()).toEqual(commandList.map((c) => c.name).sort());
  });

  it.each(Object.keys(cases))('THEN %s is answered with a response Discord takes', async (name) => {
    await cases[name]!();
  });
});

describe('GIVEN components and autocomplete through the endpoint', () => {
  it('THEN autocomplete suggests time zones', async () => {
    const complete = await discord.autocomplete({ root: 'papers-admin', subcommand: 'subscribe', options: { topic: 'diffusion', timezone: 'paris' }, focused: 'timezone', user: alice });
    expect(complete.accepted?.status).toBe(204);
    expect(complete.body).toEqual({ type: 8, data: { choices: [{ name: 'Europe/Paris', value: 'Europe/Paris' }] } });
  });

  it('THEN a select-menu choice and a button press on a search result are answered', async () => {
    const results = await slash('search', { query: 'contrastive learning' });
    const message = fake.messages.get(results.record!.originalId!)!;
    const option = menuOption(message, 'More like…', 0);
    const more = await discord.chooseOption(message, option.customId, option.value, { user: alice });
    expect(more.accepted?.status).toBe(204);
    expect(more.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(shown(more)).toContain('Papers like “');

    const next = (message.components as { components: { label?: string; custom_id?: string }[] }[]).flatMap((r) => r.components).find((b) => b.label?.startsWith('Next'))!;
    const page = await discord.pressButton(message, next.custom_id!, { user: alice });
    expect(page.body!.type).toBe(7);
    expect(page.accepted?.status).toBe(204);
    expect(shown(page)).toMatch(/Results 6–10 of \d+/);
  });
});
