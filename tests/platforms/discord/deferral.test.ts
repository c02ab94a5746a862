/** Answers that take longer than the budget: deferral, then edit or follow-up. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandList } from '../../../commands/index.js';
import { defineCommand } from '../../../src/core/command.js';
import { reply } from '../../../src/core/reply.js';
import { startDiscord, type DiscordHandle } from '../../../src/platforms/discord/index.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/index.js';
import { botWith } from './helpers.js';

/** Takes 150 ms; `public: 1` answers for everyone; its Next button re-runs it. */
const slow = defineCommand({
  name: 'slow',
  description: 'A slow command',
  usage: 'slow',
  args: [
    { name: 'public', description: '1 for a public answer', type: 'integer', default: 0 },
    { name: 'page', description: 'Page', type: 'integer', default: 1 },
  ],
  async execute({ public: open, page }) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    return reply(`Page ${page}`, [{ type: 'text', text: `Page ${page}` }], [{ label: 'Next', action: { command: 'slow', args: { public: open, page: page + 1 } } }], open === 0);
  },
});

let fake: FakeDiscord;
let discord: DiscordHandle;
beforeAll(async () => {
  fake = await startFakeDiscord();
  discord = await startDiscord({ token: fake.token, apiUrl: fake.apiUrl, rootName: 'papers', deferAfterMs: 30 }, botWith({ commands: [...commandList, slow] }));
});
afterAll(async () => {
  await discord?.stop();
  await fake?.stop();
});

const webhook = (token: string) => `/webhooks/${fake.applicationId}/${token}`;
const sequence = (token: string, id: string) =>
  fake.calls
    .filter((c) => c.path.includes(token) || c.path.startsWith(`/interactions/${id}/`))
    .map((c) => `${c.method} ${c.path.replace(`/interactions/${id}/${token}`, '/interactions/:id/:token').replace(webhook(token), '/webhooks/:app/:token')}`);

describe('GIVEN a command slower than the budget', () => {
  it('THEN an ephemeral answer is deferred ephemerally, then edits the placeholder', async () => {
    const record = fake.interactions.slashCommand({ root: 'papers', subcommand: 'slow' });
    expect(await fake.interactions.response(record.id)).toEqual({ type: 5, data: { flags: 64 } });
    await fake.waitForCall((c) => c.method === 'PATCH' && c.path === `${webhook(record.token)}/messages/@original`);
    const message = fake.messages.get(record.originalId!)!;
    expect(message).toMatchObject({ flags: 64, embeds: [{ description: 'Page 1' }] });
  });

  it('THEN a public answer follows up for everyone and the ephemeral placeholder goes away', async () => {
    const record = fake.interactions.slashCommand({ root: 'papers', subcommand: 'slow', options: { public: 1 } });
    await fake.waitForCall((c) => c.method === 'DELETE' && c.path.startsWith(webhook(record.token)));
    expect(sequence(record.token, record.id)).toEqual([
      'POST /interactions/:id/:token/callback',
      'PATCH /webhooks/:app/:token/messages/@original',
      'POST /webhooks/:app/:token',
      'DELETE /webhooks/:app/:token/messages/@original',
    ]);
    const followUp = fake.messages.get(record.followUps[0]!)!;
    expect(followUp).toMatchObject({ flags: 0, embeds: [{ description: 'Page 1' }] });
    expect(fake.messages.has(record.originalId!)).toBe(false);
  });

  it('THEN a slow in-place button defers the update, then edits the message', async () => {
    const first = fake.interactions.slashCommand({ root: 'papers', subcommand: 'slow' });
    await fake.waitForCall((c) => c.method === 'PATCH' && c.path.startsWith(webhook(first.token)));
    const message = fake.messages.get(first.originalId!)!;
    const next = (message.components as { components: { custom_id: string }[] }[])[0]!.components[0]!.custom_id;
    expect(next.startsWith('u:')).toBe(true);
    const press = fake.interactions.pressButton(message.id, next);
    expect(await fake.interactions.response(press.id)).toEqual({ type: 6 });
    await fake.waitForCall((c) => c.method === 'PATCH' && c.path.startsWith(webhook(press.token)));
    expect(fake.messages.get(message.id)).toMatchObject({ flags: 64, embeds: [{ description: 'Page 2' }] });
  });
});
