import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandList } from '../../../commands/index.js';
import { buildCommands, inviteUrl, registerDiscordCommands } from '../../../src/platforms/discord/index.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/index.js';

type Option = { name: string; description: string; type: number; required?: boolean; options?: Option[]; [key: string]: unknown };
const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

function problems(option: Option, at: string): string[] {
  const out: string[] = [];
  if (!NAME.test(option.name)) out.push(`${at}: bad name ${option.name}`);
  if (option.description.length < 1 || option.description.length > 100) out.push(`${at}: description length ${option.description.length}`);
  const children = option.options ?? [];
  if (children.length > 25) out.push(`${at}: ${children.length} options`);
  const firstOptional = children.findIndex((child) => !child.required && child.type !== 1);
  if (firstOptional !== -1 && children.slice(firstOptional).some((child) => child.required)) out.push(`${at}: required after optional`);
  children.forEach((child) => out.push(...problems(child, `${at} ${child.name}`)));
  return out;
}

describe('GIVEN the command list', () => {
  const json = buildCommands(commandList, 'papers');
  const [open, admin] = json as unknown as [Option & Record<string, unknown>, Option & Record<string, unknown>];
  const sub = (root: Option, name: string) => root.options!.find((o) => o.name === name)!;

  it('THEN every name, description and option count is valid for Discord', () => {
    expect(json.flatMap((root) => problems(root as unknown as Option, `/${root.name}`))).toEqual([]);
  });

  it('THEN /papers holds the open commands and /papers-admin those that change channel settings', () => {
    expect(open.name).toBe('papers');
    expect(open.options!.map((o) => o.name)).toEqual(commandList.filter((c) => !c.requiresManage).map((c) => c.name));
    expect(admin.name).toBe('papers-admin');
    expect(admin.options!.map((o) => o.name)).toEqual(commandList.filter((c) => c.requiresManage).map((c) => c.name));
    expect(admin).toMatchObject({ default_member_permissions: '16', dm_permission: false, contexts: [0] });
    expect(open.default_member_permissions).toBeUndefined();
  });

  it('THEN options are typed, bounded and autocompleted as the argument specs say', () => {
    expect(sub(open, 'digest').options).toEqual([
      { name: 'topic', description: 'Topic name or any search words', type: 3, required: true, max_length: 100, autocomplete: true },
      { name: 'count', description: 'How many papers (1-10)', type: 4, required: false, min_value: 1, max_value: 10 },
    ]);
    expect(sub(open, 'paper').options![0]).toMatchObject({ name: 'id', autocomplete: true });
    expect(sub(admin, 'subscribe').options!.find((o) => o.name === 'timezone')).toMatchObject({ type: 3, autocomplete: true, max_length: 64 });
  });

  it('THEN a root name Discord would refuse is an error, not a failed registration', () => {
    expect(() => buildCommands(commandList, 'Papers')).toThrow(/invalid root command name/);
    expect(() => buildCommands(commandList, 'a'.repeat(30))).toThrow(/papers-admin|invalid/);
  });
});

describe('GIVEN registration against the fake Discord', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(() => fake.stop());

  it('THEN a guild registration PUTs the command JSON to the guild route', async () => {
    const result = await registerDiscordCommands({ token: fake.token, applicationId: fake.applicationId, guildId: fake.guildId, apiUrl: fake.apiUrl, rootName: 'papers' });
    const [call] = fake.callsTo('PUT', `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(call).toMatchObject({ authorized: true, status: 200 });
    expect(call!.body).toEqual(JSON.parse(JSON.stringify(buildCommands(commandList, 'papers'))));
    expect(result.scope).toBe('guild');
    expect(result.commands.map((c) => c.name)).toEqual(['papers', 'papers-admin']);
  });

  it('THEN a global registration PUTs to the application route', async () => {
    // Counted from here: the bad-token test PUTs to the same route and may have run first.
    const before = fake.callsTo('PUT', `/applications/${fake.applicationId}/commands`).length;
    const result = await registerDiscordCommands({ token: fake.token, applicationId: fake.applicationId, apiUrl: fake.apiUrl, rootName: 'arxiv' });
    expect(fake.callsTo('PUT', `/applications/${fake.applicationId}/commands`)).toHaveLength(before + 1);
    expect(fake.registered.get('global')!.map((c) => c.name)).toEqual(['arxiv', 'arxiv-admin']);
    expect(result.scope).toBe('global');
  });

  it('THEN a bad token fails with Discord’s 401', async () => {
    await expect(registerDiscordCommands({ token: 'wrong', applicationId: fake.applicationId, apiUrl: fake.apiUrl, rootName: 'papers' })).rejects.toMatchObject({ status: 401 });
  });
});

describe('GIVEN an application id', () => {
  it('THEN the invite URL asks for the bot and commands scopes with View Channel, Send Messages, Embed Links, Read Message History and thread posting', () => {
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('123456789012345678');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    // Create Public Threads and Send Messages in Threads, for digests posted as threads.
    expect(BigInt(url.searchParams.get('permissions')!)).toBe((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 35n) | (1n << 38n));
    expect(url.searchParams.get('permissions')).toBe('309237730304');
  });
});
