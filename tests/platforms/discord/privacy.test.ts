/**
 * Privacy of button answers through the real discord.js client and the fake Discord: a private
 * reply's buttons answer privately; a shared message moves only for the person who ran it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordHandle } from '../../../src/platforms/discord/index.js';
import { menuOption, snowflake, startFakeDiscord, user, type FakeDiscord, type FakeMessage } from '../../fakes/discord/index.js';
import { botWith } from './helpers.js';

const EPHEMERAL = 64;
const CALLBACK = { message: 4, update: 7 };
type Data = { flags?: number; components: { components: { label?: string; custom_id?: string }[] }[] };

let fake: FakeDiscord;
let discord: DiscordHandle;
const alice = user(snowflake(), 'alice');
const bob = user(snowflake(), 'bob');

beforeAll(async () => {
  fake = await startFakeDiscord();
  discord = await startDiscord({ token: fake.token, apiUrl: fake.apiUrl, rootName: 'papers' }, botWith());
});
afterAll(async () => {
  await discord?.stop();
  await fake?.stop();
});

async function slash(subcommand: string, options: Record<string, string>, who = alice): Promise<FakeMessage> {
  const { id } = fake.interactions.slashCommand({ root: 'papers', subcommand, options, user: who });
  await fake.interactions.response(id);
  return fake.messages.get(fake.interactions.byId.get(id)!.originalId!)!;
}

async function press(message: FakeMessage, label: string, who: typeof alice) {
  const button = (message.components as Data['components']).flatMap((row) => row.components).find((b) => b.label === label);
  if (!button?.custom_id) throw new Error(`no button "${label}"`);
  const { id } = fake.interactions.pressButton(message.id, button.custom_id, { user: who });
  return (await fake.interactions.response(id)) as { type: number; data: Data };
}

describe('GIVEN a private search result', () => {
  it('THEN "Details" answers privately, not in the channel', async () => {
    const results = await slash('search', { query: 'diffusion' });
    expect(results.flags & EPHEMERAL).toBe(EPHEMERAL);
    const option = menuOption(results, 'Details of…', 0);
    const { id } = fake.interactions.chooseOption(results.id, option.customId, option.value, { user: alice });
    const details = (await fake.interactions.response(id)) as { type: number; data: Data & { embeds: { title?: string }[] } };
    expect(details.type).toBe(CALLBACK.message);
    expect((details.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    // The chosen paper, not another one: its title is the option's, without the list number.
    expect(details.data.embeds.map((e) => e.title)).toContain(option.label.replace(/^\d+\. /, ''));
  });
});

describe('GIVEN a message shared in the channel', () => {
  it('THEN only the person who ran it moves it; anyone else gets a private copy', async () => {
    const shared = await slash('random', {});
    expect(shared.flags & EPHEMERAL).toBe(0);
    const before = JSON.stringify(shared.embeds);

    const bobs = await press(shared, 'Another one', bob);
    expect(bobs.type).toBe(CALLBACK.message);
    expect((bobs.data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(JSON.stringify(fake.messages.get(shared.id)!.embeds)).toBe(before);
    // Bob's "Details" on Alice's message is his own business too.
    expect(((await press(shared, 'Details', bob)).data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);

    const alices = await press(shared, 'Another one', alice);
    expect(alices.type).toBe(CALLBACK.update);
  });
});

describe('GIVEN help on Discord', () => {
  it('THEN its examples use Discord\'s own syntax, /papers and /papers-admin', async () => {
    const { id } = fake.interactions.slashCommand({ root: 'papers', subcommand: 'help', options: {}, user: alice });
    const text = JSON.stringify(await fake.interactions.response(id));
    expect(text).toContain('/papers search diffusion models since:2024');
    expect(text).toContain('/papers-admin subscribe diffusion 08:30 Europe/Paris weekdays 3');
    expect(text).not.toMatch(/\/papers subscribe /);
  });
});
