/**
 * Votes by reaction: :+1: or :-1: (any skin tone) on one of a threaded digest's replies counts as
 * the reacting member's vote on that paper for the channel; taking the reaction off takes the
 * vote back. Needs the `reactions:read` scope and the `reaction_added` and `reaction_removed` events.
 * @see https://docs.slack.dev/reference/events/reaction_added
 */
import type { App } from '@slack/bolt';
import type { Bot } from '../../core/bot.js';
import type { Logger } from '../../core/logger.js';
import { describeError } from '../../core/safe-error.js';

export function registerReactions(app: App, bot: Bot, log: Logger): void {
  for (const [name, added] of [['reaction_added', true], ['reaction_removed', false]] as const) {
    app.event(name, async ({ event }) => {
      if (event.item.type !== 'message') return;
      try {
        await bot.react({ platform: 'slack', channelId: event.item.channel, messageId: event.item.ts, userId: event.user, emoji: event.reaction, added });
      } catch (error) {
        log.warn({ err: describeError(error), channel: event.item.channel }, 'slack reaction not counted');
      }
    });
  }
}
