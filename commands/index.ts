/** The static registry of chat commands. Adapters derive their command surfaces from it. */
import type { AnyCommand } from '../src/core/command.js';
import type { CommandRegistry } from '../src/core/dispatch.js';
import { author } from './author.js';
import { digest } from './digest.js';
import { digestNow } from './digest-now.js';
import { forget } from './forget.js';
import { help } from './help.js';
import { latest } from './latest.js';
import { paper } from './paper.js';
import { random } from './random.js';
import { rate } from './rate.js';
import { save } from './save.js';
import { saved } from './saved.js';
import { search } from './search.js';
import { similar } from './similar.js';
import { subscribe } from './subscribe.js';
import { subscribeMe } from './subscribe-me.js';
import { subscriptions } from './subscriptions.js';
import { taste } from './taste.js';
import { topics } from './topics.js';
import { unsave } from './unsave.js';
import { unsubscribe } from './unsubscribe.js';
import { unsubscribeMe } from './unsubscribe-me.js';

export const commandList: readonly AnyCommand[] = [
  search,
  latest,
  author,
  random,
  digest,
  paper,
  similar,
  topics,
  save,
  unsave,
  saved,
  rate,
  taste,
  forget,
  subscribe,
  unsubscribe,
  subscriptions,
  digestNow,
  subscribeMe,
  unsubscribeMe,
  help,
];

export function createRegistry(commands: readonly AnyCommand[] = commandList): CommandRegistry {
  return new Map(commands.map((command) => [command.name, command]));
}
