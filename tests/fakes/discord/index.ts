/**
 * A local fake of Discord (REST API v10 + gateway) for tests: start it, point a discord.js client
 * or REST instance at `apiUrl`, dispatch interactions, inspect `calls`, inject faults.
 *
 * ```ts
 * const fake = await startFakeDiscord();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
 * await client.login(fake.token);
 * const { id } = fake.interactions.slashCommand({ root: 'papers', subcommand: 'help' });
 * const response = await fake.interactions.response(id);
 * fake.injectFault({ method: 'POST', path: /^\/channels\/\d+\/messages$/, ...faults.rateLimited(2) });
 * await fake.stop();
 * ```
 */
import { FakeDiscord, type FakeDiscordOptions } from './server.js';

export { FakeDiscord, type FakeDiscordOptions, type RecordedCall } from './server.js';
export { faults, type Fault, type FaultResponse } from './faults.js';
export { CALLBACK, menuOption, type InteractionRecord, type Invoker, type SlashCommand } from './interactions.js';
export { ALL_PERMISSIONS, MANAGE_CHANNELS, snowflake, user, type FakeMessage, type FakeUser } from './payloads.js';
export type { Reply } from './reply.js';
export { InteractionSender, type DeliverOptions, type Delivery } from './http-sender.js';

export function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).start();
}
