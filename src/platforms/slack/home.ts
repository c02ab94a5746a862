/**
 * The App Home tab: a search button, what arrived this week, and the subscriptions the viewer set up.
 * Published when someone opens the tab (`app_home_opened` → `views.publish`). Paper cards carry
 * links but no buttons: presses in a view have no message to answer in.
 * @see https://docs.slack.dev/surfaces/app-home
 */
import type { App } from '@slack/bolt';
import type { Bot } from '../../core/bot.js';
import { paperCard } from '../../core/cards.js';
import type { Logger } from '../../core/logger.js';
import { reply, type Block } from '../../core/reply.js';
import { describeSchedule, topicLabel } from '../../core/schedule/format.js';
import { describeError } from '../../core/safe-error.js';
import { escapeText } from './escape.js';
import { renderReply, type SlackBlock } from './render.js';

export const HOME_SEARCH_ACTION = 'pb:home-search';
export const SEARCH_VIEW = 'pb:search';
const WEEK_MS = 7 * 86_400_000;
const LATEST_SHOWN = 5;
const SUBSCRIPTIONS_SHOWN = 20;

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
/** No buttons or menus: a press in a view has no message to answer in. */
const withoutButtons = (blocks: SlackBlock[]): SlackBlock[] =>
  blocks.filter((block) => block.type !== 'actions').map((block) => (block.type === 'section' && 'accessory' in block ? { type: 'section', text: block.text } : block));

export async function homeView(bot: Bot, workspaceId: string | undefined, viewer: string, now: Date): Promise<{ type: 'home'; blocks: unknown[] }> {
  const encode = (_action: unknown, _max: number) => '';
  const latest = bot.library.latest(undefined, { since: new Date(now.getTime() - WEEK_MS), limit: LATEST_SHOWN });
  const cards: Block[] = latest.hits.map(({ paper }) => ({ type: 'paper', paper: paperCard(paper, bot.library.tldr(paper)) }));
  const all = workspaceId && bot.subscriptions ? await bot.subscriptions.listWorkspace('slack', workspaceId) : [];
  // Only the viewer's own: another person's subscription may be in a private channel or a DM,
  // whose name and topic are not everyone's business. The rest are only counted.
  const subs = all.filter((sub) => sub.createdBy === viewer);
  const others = all.length - subs.length;
  const lines = subs.slice(0, SUBSCRIPTIONS_SHOWN).map((sub) => {
    // A channel link, not a mention: it notifies no one. IDs are checked so no text can inject one.
    const where = /^[CG][A-Z0-9]+$/.test(sub.channelId) ? `<#${sub.channelId}>` : escapeText(sub.channelId);
    return `${where} · ${escapeText(topicLabel(sub))} · ${escapeText(describeSchedule(sub))}${sub.pausedReason ? ' · paused' : ''}`;
  });
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: plain('paperbot') },
      {
        type: 'section',
        text: mrkdwn('Research papers for your team: search, topic digests, and what is new on Hugging Face and arXiv.'),
        accessory: { type: 'button', action_id: HOME_SEARCH_ACTION, text: plain('Search papers'), style: 'primary' },
      },
      { type: 'divider' },
      { type: 'header', text: plain('New this week') },
      ...(cards.length
        ? withoutButtons(renderReply(reply('New this week', cards), { encode }).blocks)
        : [{ type: 'context', elements: [mrkdwn('Nothing new has arrived this week.')] }]),
      { type: 'divider' },
      { type: 'header', text: plain('Your subscriptions') },
      lines.length
        ? { type: 'section', text: mrkdwn(lines.join('\n').slice(0, 3000)) }
        : { type: 'context', elements: [mrkdwn('You have not subscribed a channel yet. In a channel, type `/papers subscribe`.')] },
      ...(others > 0
        ? [{ type: 'context', elements: [mrkdwn(`${others} more in this workspace, set up by others. In a channel, \`/papers subscriptions\` lists its own.`)] }]
        : []),
    ],
  };
}

function searchView(): unknown {
  return {
    type: 'modal',
    callback_id: SEARCH_VIEW,
    title: plain('Search papers'),
    submit: plain('Search'),
    close: plain('Close'),
    blocks: [
      {
        type: 'input',
        block_id: 'query',
        label: plain('Search for'),
        hint: plain('Words, "phrases", -exclusions, author:"name", year:2024, since:2023'),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 300 },
      },
    ],
  };
}

export function registerHome(app: App, bot: Bot, log: Logger): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    try {
      const view = await homeView(bot, (body as { team_id?: string }).team_id, event.user, new Date());
      await client.views.publish({ user_id: event.user, view: view as never });
    } catch (error) {
      log.warn({ err: describeError(error) }, 'slack home tab not published');
    }
  });

  app.action(HOME_SEARCH_ACTION, async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: (body as { trigger_id: string }).trigger_id, view: searchView() as never });
  });

  // Results replace the form, so a search from the Home tab stays private to the person searching.
  app.view(SEARCH_VIEW, async ({ ack, view, body }) => {
    const query = (view.state.values.query?.value?.value ?? '').trim();
    const answer = await bot.run('search', { query }, { platform: 'slack', userId: body.user.id, channelId: '' });
    if (answer.error) {
      await ack({ response_action: 'errors', errors: { query: answer.text.slice(0, 150) } });
      return;
    }
    const blocks = withoutButtons(renderReply(answer, { encode: () => '' }).blocks).slice(0, 100);
    await ack({ response_action: 'update', view: { type: 'modal', title: plain('Search results'), close: plain('Close'), blocks } as never });
  });
}
