/**
 * The platform-neutral bot: what every adapter calls. It rate-limits, parses free text, decodes
 * button actions and runs commands. Adapters translate platform events into these calls and
 * render the returned `Reply`.
 */
import { randomUUID } from 'node:crypto';
import { ActionCodec } from './actions.js';
import { parseArgText, type RawArgs } from './args.js';
import type { CommandContext, RequestInfo, UserData } from './command.js';
import { runCommand, type CommandRegistry } from './dispatch.js';
import { UserError } from './errors.js';
import type { PaperFetcher, PaperLibrary } from './library.js';
import type { SubscriptionService } from './subscriptions.js';
import { silentLogger, type Logger } from './logger.js';
import { RateLimiter, type CommandLimiter } from './rate-limit.js';
import { reactionVote } from './feedback.js';
import { errorReply, type Reply } from './reply.js';

export interface BotOptions {
  registry: CommandRegistry;
  /** A getter, so a corpus reload can swap the library without restarting adapters. */
  library: () => PaperLibrary;
  logger?: Logger;
  random?: () => number;
  now?: () => Date;
  rateLimit?: { burst: number; perMinute: number };
  /** Where the buckets live when not in this process (shared by replicas); wins over `rateLimit`. */
  limiter?: CommandLimiter;
  /** Platforms whose users are never rate-limited: the console has one person at a keyboard. */
  unlimited?: readonly string[];
  /** Scheduled digests, for the subscription commands. */
  subscriptions?: SubscriptionService;
  /** Looks up unknown arXiv ids from a network source. */
  fetcher?: PaperFetcher;
  /** Reading lists, votes, forgetting a user (the store). */
  userData?: UserData;
  /** Called after every command with its outcome, for metrics. */
  onCommand?: (event: { command: string; platform: string; outcome: 'ok' | 'user_error' | 'rate_limited'; ms: number }) => void;
  /** Whether new commands are accepted; false while shutting down. */
  accepting?: () => boolean;
  /** Registers a command's work as in flight, so shutdown waits for its reply. */
  track?: (work: Promise<Reply>) => Promise<Reply>;
}

export class Bot {
  readonly actions = new ActionCodec();
  readonly registry: CommandRegistry;
  private readonly limiter: CommandLimiter | undefined;
  private readonly log: Logger;

  constructor(private readonly options: BotOptions) {
    this.registry = options.registry;
    this.log = options.logger ?? silentLogger;
    this.limiter = options.limiter ?? (options.rateLimit ? new RateLimiter(options.rateLimit, () => (options.now?.() ?? new Date()).getTime()) : undefined);
  }

  get library(): PaperLibrary {
    return this.options.library();
  }

  /** Scheduled digests, for adapters that show an overview (Slack's App Home). */
  get subscriptions(): SubscriptionService | undefined {
    return this.options.subscriptions;
  }

  /** The time and timezone a new subscription gets when none is named (forms start from them). */
  get subscriptionDefaults(): { time: string; timezone: string } {
    const service = this.options.subscriptions;
    return { time: service?.defaultTime ?? '09:00', timezone: service?.defaultTimezone ?? 'UTC' };
  }

  /** Runs a command with already-structured arguments (Discord options, button actions). */
  async run(command: string, args: RawArgs, request: RequestInfo): Promise<Reply> {
    if (this.options.accepting && !this.options.accepting()) {
      return errorReply('paperbot is restarting right now.', 'Please try again in a minute.');
    }
    const work = this.runNow(command, args, request);
    return this.options.track ? this.options.track(work) : work;
  }

  private async runNow(command: string, args: RawArgs, request: RequestInfo): Promise<Reply> {
    const started = performance.now();
    const platform = request.platform;
    const wait = this.options.unlimited?.includes(platform) ? 0 : ((await this.limiter?.take(`${platform}:${request.userId}`)) ?? 0);
    if (wait > 0) {
      this.options.onCommand?.({ command, platform, outcome: 'rate_limited', ms: 0 });
      return errorReply(`You're sending commands a bit fast. Please wait ${wait} s and try again.`);
    }
    const log = this.log.child({ interactionId: randomUUID().slice(0, 8), platform, command: command.slice(0, 32) });
    const reply = await runCommand(this.registry, command, args, this.context(request), log);
    const ms = performance.now() - started;
    this.options.onCommand?.({ command, platform, outcome: reply.error ? 'user_error' : 'ok', ms });
    log.info({ ms: Math.round(ms * 10) / 10, failed: reply.error ?? false }, 'command handled');
    return reply;
  }

  /** Runs a command typed as text: `search diffusion models`, `digest vae 3`. */
  async runText(text: string, request: RequestInfo): Promise<Reply> {
    const trimmed = text.trim();
    const [name = 'help', ...rest] = trimmed.split(/\s+/);
    const command = this.registry.get(name.toLowerCase());
    if (!trimmed || !command) return this.run(trimmed ? name : 'help', {}, request);
    try {
      return await this.run(command.name, parseArgText(command, rest.join(' ')), request);
    } catch (error) {
      if (error instanceof UserError) return errorReply(error.message, error.hint);
      throw error;
    }
  }

  /**
   * A 👍 or 👎 reaction added to (or taken off) one of our messages: when the message holds one
   * paper (a threaded digest's reply), it is the reacting user's vote on that paper for the
   * channel, as `rate` records it. True when it counted.
   */
  async react(event: { platform: string; channelId: string; messageId: string; userId: string; emoji: string; added: boolean }): Promise<boolean> {
    const data = this.options.userData;
    const vote = reactionVote(event.emoji);
    if (!data || vote === undefined) return false;
    const found = await data.paperMessages.paperOf(event.platform, event.channelId, event.messageId);
    if (!found) return false;
    // The vote is the digest's channel's, even when the message sits in a thread of its own.
    const channel = { platform: event.platform, channelId: found.digestChannelId };
    await data.feedback.vote(channel, event.userId, found.paperId, event.added ? vote : 0, (this.options.now ?? (() => new Date()))());
    this.log.info({ platform: event.platform, paperId: found.paperId, vote: event.added ? vote : 0 }, 'vote by reaction');
    return true;
  }

  /** Runs the action behind a pressed button. */
  async runAction(payload: string, request: RequestInfo): Promise<Reply> {
    const action = this.actions.decode(payload);
    if (!action) return errorReply('This button has expired.', 'Run the command again to get fresh buttons.');
    return this.run(action.command, action.args, request);
  }

  private context(request: RequestInfo): CommandContext {
    return {
      library: this.library,
      request,
      random: this.options.random ?? Math.random,
      now: this.options.now ?? (() => new Date()),
      ...(this.options.subscriptions ? { subscriptions: this.options.subscriptions } : {}),
      commands: [...this.registry.values()],
      ...(this.options.fetcher ? { fetcher: this.options.fetcher } : {}),
      ...(this.options.userData ? { userData: this.options.userData } : {}),
    };
  }
}
