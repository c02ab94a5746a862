/**
 * Link previews: when someone posts an arXiv or Hugging Face paper link in a channel the bot is
 * in, Slack sends `link_shared` and paperbot answers with the paper's card (`chat.unfurl`).
 * Needs the `links:read` and `links:write` scopes and both domains in the manifest.
 * @see https://api.slack.com/reference/messaging/link-unfurling
 */
import type { App } from '@slack/bolt';
import { canonicalArxivId } from '../../core/arxiv-id.js';
import type { Bot } from '../../core/bot.js';
import { detailsButton, paperCard } from '../../core/cards.js';
import type { Logger } from '../../core/logger.js';
import { reply } from '../../core/reply.js';
import { describeError } from '../../core/safe-error.js';
import { renderReply } from './render.js';

/** Slack sends at most a handful of links per message; more would only delay the previews. */
const MAX_LINKS = 5;

export function registerUnfurls(app: App, bot: Bot, log: Logger): void {
  app.event('link_shared', async ({ event, client }) => {
    const unfurls: Record<string, { blocks: unknown[] }> = {};
    for (const { url } of event.links.slice(0, MAX_LINKS)) {
      const arxivId = canonicalArxivId(url);
      if (!arxivId) continue;
      // `paper` finds the paper, or fetches it from Hugging Face when that source is on.
      const request = { platform: 'slack', userId: event.user, channelId: event.channel };
      if (!bot.library.byArxivId(arxivId)) await bot.run('paper', { id: arxivId }, request);
      const paper = bot.library.byArxivId(arxivId);
      if (!paper) continue;
      const card = reply(paper.title, [{ type: 'paper', paper: paperCard(paper, bot.library.tldr(paper)), buttons: [detailsButton(paper.id)] }]);
      unfurls[url] = { blocks: renderReply(card, { encode: (action, max) => bot.actions.encode(action, max) }).blocks };
    }
    if (Object.keys(unfurls).length === 0) return;
    try {
      await client.chat.unfurl({ channel: event.channel, ts: event.message_ts, unfurls: unfurls as never });
    } catch (error) {
      // A preview is a courtesy: log it and move on, nothing else depends on it.
      log.warn({ err: describeError(error), channel: event.channel }, 'slack unfurl failed');
    }
  });
}
