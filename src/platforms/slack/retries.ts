/**
 * Slack delivers an event again (with `X-Slack-Retry-Num`) when it missed the acknowledgement, and
 * behind a load balancer the retry may reach another replica. Every event is recorded by its
 * `event_id` before it runs, in the store all replicas share, so a retry of a handled event is
 * acknowledged and dropped wherever it lands. Slash commands and button presses are never retried.
 *
 * @see https://docs.slack.dev/apis/events-api/#retries
 */
import type { App } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import type { RequestDeduper } from '../../core/request-log.js';
import { describeError } from '../../core/safe-error.js';

export function dropRetriedEvents(app: App, dedupe: RequestDeduper, log: Logger): void {
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== 'string') return next();
    let first = true;
    try {
      first = await dedupe.first(`slack:event:${eventId}`);
    } catch (error) {
      // Better to answer twice than never: without the database, the event runs.
      log.warn({ err: describeError(error), eventId }, 'could not check for a retried Slack event; handling it');
    }
    if (!first) {
      log.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack event already handled; retry dropped');
      return;
    }
    await next();
  });
}
