/**
 * Link previews: when someone posts an arXiv or Hugging Face paper link in a channel the bot is
 * in, Slack sends `link_shared` and paperbot answers with the paper's card (`chat.unfurl`), for
 * papers it already has: a link is never passed on to a paper source.
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
      // Only papers paperbot already has: a link in a channel (or a draft) is never sent to a source.
      const paper = bot.library.byArxivId(arxivId);
      if (!paper) continue;
      const card = reply(paper.title, [{ type: 'paper', paper: paperCard(paper, bot.library.tldr(paper)), buttons: [detailsButton(paper.id)] }]);
      unfurls[url] = { blocks: renderReply(card, { encode: (action, max) => bot.actions.encode(action, max) }).blocks };
    }
    if (Object.keys(unfurls).length === 0) return;
    try {
      // A link typed in the message box (not sent yet) is identified by its unfurl id, not by channel and ts.
      const target = event.source === 'composer' && event.unfurl_id ? { unfurl_id: event.unfurl_id, source: event.source } : { channel: event.channel, ts: event.message_ts };
      await client.chat.unfurl({ ...target, unfurls: unfurls as never } as never);
    } catch (error) {
      // A preview is a courtesy: log it and move on, nothing else depends on it.
      log.warn({ err: describeError(error), channel: event.channel }, 'slack unfurl failed');
    }
  });
}
