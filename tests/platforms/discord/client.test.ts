/** The real discord.js client, driven through the fake Discord's gateway and REST API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../src/core/logger.js';
import { renderMessage, startDiscord, type DiscordHandle } from '../../../src/platforms/discord/index.js';
import { discordPrefix } from '../../../src/platforms/discord/request.js';
import { ALL_PERMISSIONS, MANAGE_CHANNELS, faults, menuOption, startFakeDiscord, type FakeDiscord, type FakeMessage } from '../../fakes/discord/index.js';
import { botWith, realLibrary } from './helpers.js';

type Data = { content?: string; embeds: { title?: string; description?: string; footer?: { text: string }; fields?: { name: string }[] }[]; components: { components: { label?: string; custom_id?: string; url?: string }[] }[]; flags?: number; allowed_mentions?: unknown };

let fake: FakeDiscord;
let discord: DiscordHandle;
const logged: { level: string; obj: object; msg?: string }[] = [];
const logger: Logger = {
  debug: (obj, msg) => logged.push({ level: 'debug', obj, msg }),
  info: (obj, msg) => logged.push({ level: 'info', obj, msg }),
  warn: (obj, msg) => logged.push({ level: 'warn', obj, msg }),
  error: (obj, msg) => logged.push({ level: 'error', obj, msg }),
  child: () => logger,
};
/** An independent bot on the same corpus and random source: what the adapter should have sent. */
const referenceBot = botWith();
const { library } = realLibrary();
const paperId = library.search('diffusion', { limit: 1 }).hits[0]!.paper.id;

beforeAll(async () => {
  fake = await startFakeDiscord();
  discord = await startDiscord({ token: fake.token, apiUrl: fake.apiUrl, rootName: 'papers', logger }, botWith());
});
afterAll(async () => {
  await discord?.stop();
  await fake?.stop();
});

async function slash(subcommand: string, options: Record<string, string | number> = {}, extra: { root?: string; permissions?: bigint } = {}) {
  const { id } = fake.interactions.slashCommand({ root: extra.root ?? 'papers', subcommand, options, ...(extra.permissions !== undefined ? { permissions: extra.permissions } : {}) });
  const response = (await fake.interactions.response(id)) as { type: number; data: Data };
  const message = fake.messages.get(fake.interactions.byId.get(id)!.originalId ?? '');
  return { id, response, message };
}

function customId(message: FakeMessage | { components: unknown[] }, label: string): string {
  const rows = message.components as Data['components'];
  const button = rows.flatMap((row) => row.components).find((b) => b.label === label);
  if (!button?.custom_id) throw new Error(`no button "${label}" in ${JSON.stringify(rows)}`);
  return button.custom_id;
}

async function press(message: FakeMessage, label: string) {
  const { id } = fake.interactions.pressButton(message.id, customId(message, label));
  return (await fake.interactions.response(id)) as { type: number; data?: Data };
}

describe('GIVEN the client connected to the gateway', () => {
  it('THEN it identified with Guilds and Guild Message Reactions only (no privileged intent) and is ready', () => {
    expect(fake.gateway.intents()).toBe(1 | (1 << 10));
    expect(discord.isReady()).toBe(true);
  });
});

describe('GIVEN each /papers subcommand', () => {
  it.each([
    ['search', { query: 'diffusion' }, true],
    ['random', {}, false],
    ['digest', { topic: 'diffusion', count: 3 }, false],
    ['paper', { id: paperId }, false],
    ['similar', { id: paperId, count: 3 }, true],
    ['topics', {}, true],
    ['help', {}, true],
  ] as const)('THEN /papers %s answers at once with the rendered reply', async (name, options, ephemeral) => {
    const { response } = await slash(name, options);
    const expected = renderMessage(await referenceBot.run(name, options, { platform: 'discord', userId: 'u', channelId: 'c', commandPrefix: discordPrefix('papers') }), {
      encodeAction: (action, max) => referenceBot.actions.encode(action, max),
      command: name,
    });
    expect(response.type).toBe(4);
    expect(response.data).toMatchObject({ embeds: expected.embeds, components: expected.components, allowed_mentions: { parse: [] } });
    expect(response.data.embeds.length).toBeGreaterThan(0);
    expect(response.data.flags).toBe(ephemeral ? 64 : undefined);
  });

  it('THEN a user error comes back as an ephemeral red embed', async () => {
    const { response } = await slash('paper', { id: 'nope' });
    expect(response.data.flags).toBe(64);
    expect(response.data.embeds[0]!.description).toContain('No paper has the ID');
  });
});

describe('GIVEN buttons on earlier answers', () => {
  it('THEN "Next ▶" on a search replaces the message with the next page (UPDATE_MESSAGE)', async () => {
    const { message } = await slash('search', { query: 'diffusion' });
    const response = await press(message!, 'Next ▶');
    expect(response.type).toBe(7);
    expect(response.data!.embeds[0]!.description).toMatch(/^\*Results 6–10 of \d+\*$/);
    expect(response.data!.flags).toBeUndefined();
    expect(message!.embeds).toEqual(response.data!.embeds);
  });

  it('THEN "Another one" on a random paper updates it in place', async () => {
    const { message } = await slash('random', { topic: 'diffusion' });
    const response = await press(message!, 'Another one');
    expect(response.type).toBe(7);
    expect(response.data!.embeds[0]!.title).toBe('A random paper on Diffusion models');
  });

  it('THEN "More like this" answers with a new message', async () => {
    const { message } = await slash('random', {});
    const response = await press(message!, 'More like this');
    expect(response.type).toBe(4);
    expect(response.data!.embeds[0]!.title).toMatch(/^Papers like/);
    expect(response.data!.flags).toBe(64);
  });

  it('THEN "Details of…" on a similar-papers list answers with the chosen paper as a new message', async () => {
    const paperId = realLibrary().library.papers.find((p) => /diffusion/i.test(p.title))!.id;
    const { message: list } = await slash('similar', { id: paperId });
    const held = menuOption(list!, 'Details of…', 1);
    const { id } = fake.interactions.chooseOption(list!.id, held.customId, held.value);
    const response = (await fake.interactions.response(id)) as { type: number; data: Data };
    expect(response.type).toBe(4);
    const chosen = held.value.match(/"id":"(\w+)"/)![1]!;
    expect(chosen).not.toBe(paperId);
    expect(response.data.embeds.some((e) => e.footer?.text.includes(`ID ${chosen}`))).toBe(true);
  });

  it('THEN an expired menu choice answers with an ephemeral explanation', async () => {
    const { message } = await slash('search', { query: 'diffusion' });
    const menu = menuOption(message!, 'Details of…');
    const { id } = fake.interactions.chooseOption(message!.id, menu.customId, 'pbr:doesnotexist');
    const response = (await fake.interactions.response(id)) as { type: number; data: Data };
    expect(response.type).toBe(4);
    expect(response.data.embeds[0]!.description).toBe('This button has expired.');
  });

  it('THEN an expired button answers with an ephemeral explanation, leaving the message alone', async () => {
    const { message } = await slash('topics');
    const { id } = fake.interactions.pressButton(message!.id, 'pbr:doesnotexist');
    const response = (await fake.interactions.response(id)) as { type: number; data: Data };
    expect(response.type).toBe(4);
    expect(response.data.embeds[0]!.description).toBe('This button has expired.');
  });
});

describe('GIVEN autocomplete requests', () => {
  async function complete(subcommand: string, focused: string, value: string, root = 'papers') {
    const { id } = fake.interactions.autocomplete({ root, subcommand, options: { [focused]: value }, focused });
    const response = (await fake.interactions.response(id)) as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(response.type).toBe(8);
    const { choices } = response.data;
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThanOrEqual(1);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    return choices;
  }

  it('THEN topics match by name or label', async () => {
    const choices = await complete('digest', 'topic', 'diff');
    expect(choices.map((c) => c.value)).toContain('diffusion');
    expect(choices.find((c) => c.value === 'diffusion')!.name).toMatch(/^Diffusion models \(\d+\)$/);
  });

  it('THEN paper IDs are offered by title', async () => {
    const choices = await complete('paper', 'id', 'diff');
    expect(choices.length).toBeGreaterThan(0);
    for (const choice of choices) expect(library.get(choice.value)).toBeDefined();
  });

  it('THEN an empty topic prefix still gives at most 25 choices', async () => {
    expect((await complete('random', 'topic', '')).length).toBeGreaterThan(0);
  });

  it('THEN time zones come from the IANA list', async () => {
    const choices = await complete('subscribe', 'timezone', 'paris', 'papers-admin');
    expect(choices).toContainEqual({ name: 'Europe/Paris', value: 'Europe/Paris' });
  });
});

describe('GIVEN a member without Manage Channels', () => {
  it('THEN /papers-admin subscribe is refused at run time', async () => {
    const { response } = await slash('subscribe', { topic: 'diffusion' }, { root: 'papers-admin', permissions: ALL_PERMISSIONS & ~MANAGE_CHANNELS });
    expect(response.type).toBe(4);
    expect(response.data.flags).toBe(64);
    expect(response.data.embeds[0]!.description).toMatch(/^Only people who can manage this channel may use `subscribe`/);
  });

  it('THEN a member with Manage Channels gets past the check', async () => {
    const { response } = await slash('subscribe', { topic: 'diffusion' }, { root: 'papers-admin', permissions: ALL_PERMISSIONS });
    expect(response.data.embeds[0]!.description ?? '').not.toMatch(/^Only people who can manage/);
  });
});

describe('GIVEN Discord refuses our answer', () => {
  it('THEN the failure is logged with a reference but without tokens, and the user gets a short apology naming it', async () => {
    fake.injectFault({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    const { id } = fake.interactions.slashCommand({ root: 'papers', subcommand: 'help' });
    const apology = await fake.waitForCall((c) => c.path.startsWith(`/interactions/${id}/`) && c.status === 204);
    expect(apology.body).toMatchObject({ type: 4, data: { content: expect.stringMatching(/^Sorry, something went wrong/), flags: 64 } });
    const ref = /\(reference (E-[0-9A-F]{6})\)/.exec((apology.body as { data: { content: string } }).data.content)?.[1];
    expect(ref).toBeDefined();
    const entry = logged.find((l) => l.msg === 'discord interaction failed')!;
    expect(entry.obj).toMatchObject({ ref, interactionId: id, command: 'help', err: { status: 400, code: 50035 } });
    const everything = JSON.stringify(logged);
    expect(everything).not.toContain(fake.token);
    expect(everything).not.toContain(fake.interactions.byId.get(id)!.token);
  });
});
