/**
 * A command is data plus a function: argument specs (from which the zod schema, Discord options
 * and Slack/console text parsing are all derived) and `execute`, which turns validated
 * arguments into a platform-neutral `Reply`. Commands never import a platform SDK.
 */
import type { PaperFetcher, PaperLibrary } from './library.js';
import type { Reply } from './reply.js';
import type { FeedbackLog, PaperMessages, Privacy } from './feedback.js';
import type { ReadingLists } from './reading-list.js';
import type { SubscriptionService } from './subscriptions.js';

import type { Platform } from './platform.js';

export type { Platform } from './platform.js';

export interface ArgSpec {
  readonly name: string;
  readonly description: string;
  readonly type: 'string' | 'integer';
  readonly required?: boolean;
  readonly default?: string | number;
  /** Inclusive bounds for integers. */
  readonly min?: number;
  readonly max?: number;
  /** Maximum length for strings. */
  readonly maxLength?: number;
  /** Suggest values while typing (Discord autocomplete). */
  readonly autocomplete?: 'topic' | 'paper' | 'timezone';
  /**
   * How the argument is read from free text (Slack, console): `rest` takes the remaining words,
   * `word` one word, `hidden` never (set by buttons and Discord options only). Default `word`.
   */
  readonly text?: 'rest' | 'word' | 'hidden';
}

type ArgValue<A extends ArgSpec> = A['type'] extends 'integer' ? number : string;
type HasValue<A extends ArgSpec> = A['required'] extends true ? true : A['default'] extends string | number ? true : false;

/** The validated argument object `execute` receives, typed from the specs. */
export type ArgsOf<S extends readonly ArgSpec[]> = {
  [A in S[number] as A['name']]: HasValue<A> extends true ? ArgValue<A> : ArgValue<A> | undefined;
};

export interface RequestInfo {
  platform: Platform;
  userId: string;
  channelId: string;
  /** Discord guild or Slack team. */
  workspaceId?: string;
  /** Whether the user may manage this channel's settings (checked by the adapter). */
  canManageChannel?: boolean;
  /**
   * What a user types before a command's name on this platform (`/papers `, `/papers-admin `),
   * so help and hints show the real syntax. Nothing in the console.
   */
  commandPrefix?: (command: { name: string; requiresManage?: boolean }) => string;
  /** The platform opens a form for `subscribe` without arguments, so replies may offer that button. */
  forms?: boolean;
  /** Opens (or finds) the user's direct-message channel with the bot, for personal digests. */
  openDirectChannel?: () => Promise<string>;
}

/** Everything a command may use, passed explicitly so tests can build it directly. */
export interface CommandContext {
  library: PaperLibrary;
  request: RequestInfo;
  /** Uniform random number in [0, 1). */
  random: () => number;
  now: () => Date;
  /** Scheduled digests; absent where the bot runs without a store (one-shot CLI). */
  subscriptions?: SubscriptionService;
  /** Every command the bot knows, in display order (for `help`). */
  commands: readonly AnyCommand[];
  /** Looks up unknown arXiv ids on demand; absent when network sources are off. */
  fetcher?: PaperFetcher;
  /** Reading lists, votes and forgetting a user; absent where the bot runs without a store. */
  userData?: UserData;
}

/** What users keep and say, each visible only to its owner (a user, or a channel). */
export interface UserData {
  readingLists: ReadingLists;
  feedback: FeedbackLog;
  privacy: Privacy;
  /** Which paper each threaded-digest message holds, for votes by reaction. */
  paperMessages: PaperMessages;
}

export interface CommandDef<S extends readonly ArgSpec[] = readonly ArgSpec[]> {
  readonly name: string;
  /** One line, at most 100 characters (Discord's limit). */
  readonly description: string;
  readonly args: S;
  /** Usage example shown in help and in error hints, without the root command. */
  readonly usage: string;
  /**
   * Changes channel settings: only people allowed to manage the channel may run it. Discord
   * registers such commands under a separate root command with Manage Channels as the default
   * permission; every adapter also checks `request.canManageChannel` at run time.
   */
  readonly requiresManage?: boolean;
  /**
   * Some uses change channel settings (`taste reset`): anyone may run it, but adapters must fill in
   * `request.canManageChannel` for `execute` to check.
   */
  readonly mayManage?: boolean;
  /** Acts on or shows someone's own data (reading list, votes): its replies are never shared to the channel. */
  readonly personal?: boolean;
  execute(args: ArgsOf<S>, ctx: CommandContext): Reply | Promise<Reply>;
}

/** Identity function that infers precise argument types from the specs. */
export function defineCommand<const S extends readonly ArgSpec[]>(def: CommandDef<S>): CommandDef<S> {
  return def;
}

/** A command of any argument shape; `execute` is only ever called with validated arguments. */
export interface AnyCommand extends Omit<CommandDef, 'execute'> {
  execute(args: never, ctx: CommandContext): Reply | Promise<Reply>;
}
