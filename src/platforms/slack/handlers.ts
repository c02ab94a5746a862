/**
 * Slack listeners: translate slash commands and button presses into `Bot` calls and answer
 * through `respond` (the interaction's `response_url`). Every listener acks first, since Slack
 * shows an error to the user when no ack arrives within 3 seconds.
 *
 * @see https://docs.slack.dev/interactivity/implementing-slash-commands#responding_to_commands
 * @see https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
import type { App, BlockAction, ButtonAction, OverflowAction, RespondArguments, RespondFn } from '@slack/bolt';
import type { Bot } from '../../core/bot.js';
import type { RequestInfo } from '../../core/command.js';
import { errorReference } from '../../core/dispatch.js';
import type { Logger } from '../../core/logger.js';
import { apologyReply, errorReply, type Action, type Reply } from '../../core/reply.js';
import { unescapeText } from './escape.js';
import { openDirectMessage, sendFilesPrivately } from './files.js';
import type { ManageCheck } from './permissions.js';
import { describeError } from '../../core/safe-error.js';
import { ACTION_ID_PATTERN, LINK_OPTION_VALUE, OVERFLOW_ID_PATTERN, readBlockId, renderReply, SHARE_ACTION_ID, type RenderOptions } from './render.js';
import { registerSubscribeModal, subscribeView } from './subscribe-modal.js';

/** Pseudo-command of a share button whose reply came from typed text: re-run the text. */
export const TEXT_COMMAND = '$text';

export interface HandlerDeps {
  bot: Bot;
  commandName: string;
  canManage: ManageCheck;
  log: Logger;
}

interface Where {
  userId: string;
  channelId: string;
  teamId?: string;
}

export function registerHandlers(app: App, deps: HandlerDeps): void {
  const { bot, log } = deps;

  const requestFor = async (where: Where, command: string | undefined): Promise<RequestInfo> => {
    const spec = command !== undefined ? bot.registry.get(command.toLowerCase()) : undefined;
    const needsManage = spec?.requiresManage === true || spec?.mayManage === true;
    return {
      platform: 'slack',
      commandPrefix: () => `${deps.commandName} `,
      forms: true,
      userId: where.userId,
      channelId: where.channelId,
      ...(where.teamId ? { workspaceId: where.teamId } : {}),
      ...(needsManage ? { canManageChannel: await deps.canManage(where.userId) } : {}),
      // The app's direct-message channel with the user (im:write), where personal digests go.
      openDirectChannel: () => openDirectMessage(app.client, where.userId),
    };
  };
  const render = (reply: Reply, options: Omit<RenderOptions, 'encode'>) =>
    renderReply(reply, { ...options, encode: (action, max) => bot.actions.encode(action, max) });

  /** Runs `work`; an unexpected failure is logged with a reference the user also sees. */
  const guarded = async (respond: RespondFn, context: object, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      const ref = errorReference();
      log.error({ err: describeError(error), ref, ...context }, 'slack handler failed');
      const apology = apologyReply(ref);
      await respond({ ...render(apology, {}), replace_original: false }).catch((respondError: unknown) => {
        log.error({ err: describeError(respondError), ref }, 'slack respond failed');
      });
    }
  };

  /** Opens the subscribe form for someone allowed to change the channel; false when they are not. */
  const openSubscribeForm = async (client: App['client'], triggerId: string, where: Where): Promise<boolean> => {
    if (!(await requestFor(where, 'subscribe')).canManageChannel) return false;
    await client.views.open({ trigger_id: triggerId, view: subscribeView(where.channelId, bot.subscriptionDefaults) as never });
    return true;
  };
  registerSubscribeModal(app, { bot, log, requestFor: (where) => requestFor(where, 'subscribe') });

  app.command(deps.commandName, async ({ command, ack, respond, client }) => {
    await ack();
    const text = normaliseCommandText(command.text ?? '', deps.commandName);
    const where = { userId: command.user_id, channelId: command.channel_id, teamId: command.team_id };
    await guarded(respond, { kind: 'command', ...where }, async () => {
      // `subscribe` alone opens the form; someone who may not subscribe gets the usual refusal.
      if (text.toLowerCase() === 'subscribe' && (await openSubscribeForm(client, command.trigger_id, where))) return;
      const name = firstWord(text) ?? 'help'; // empty text shows help
      const reply = await sendFilesPrivately(client, where.userId, await bot.runText(text, await requestFor(where, name)), log);
      const share: Action = { command: TEXT_COMMAND, args: { text } };
      await respond(render(reply, { source: name, owner: where.userId, ...(shareable(name) ? { share } : {}) }));
    });
  });

  /** A press of one of our buttons or a choice in a paper's menu: the encoded action runs. */
  async function onPress(value: string, blockId: string | undefined, body: BlockAction, respond: RespondFn, client: App['client']): Promise<void> {
    const where = whereOf(body);
    await guarded(respond, { kind: 'action', ...where }, async () => {
      const decoded = bot.actions.decode(value);
      if (decoded?.command === 'subscribe' && !decoded.args.topic && (await openSubscribeForm(client, body.trigger_id, where))) return;
      const { source, owner } = readBlockId(blockId);
      // A private message's buttons answer privately; a shared message moves only for its owner,
      // and anyone else gets a private copy, so one person's paging never rewrites the channel's view.
      const isPrivate = body.container?.is_ephemeral === true;
      const mine = isPrivate || owner === where.userId;
      const answered = await sendFilesPrivately(client, where.userId, await bot.runAction(value, await requestFor(where, decoded?.command)), log);
      const reply = isPrivate || !mine ? { ...answered, ephemeral: true } : answered;
      // Pressing "Next" or "Another one" (same command as the message's) updates it in place;
      // "Details" or "More like this" answer with a new message.
      const replace = mine && !reply.error && decoded !== undefined && decoded.command === source;
      // A message updated in place keeps its visibility: only a private one may offer sharing.
      const share = decoded && shareable(decoded.command) && (!replace || isPrivate) ? { share: decoded } : {};
      // A message updated in place keeps its owner; a new one belongs to whoever pressed.
      const messageOwner = replace && owner ? owner : where.userId;
      await respond({ ...render(reply, { ...(decoded ? { source: decoded.command } : {}), owner: messageOwner, ...share }), replace_original: replace });
    });
  }

  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: ACTION_ID_PATTERN }, async ({ ack, body, action, respond, client }) => {
    await ack();
    await onPress(action.value ?? '', action.block_id, body, respond, client);
  });

  app.action<BlockAction<OverflowAction>>({ type: 'block_actions', action_id: OVERFLOW_ID_PATTERN }, async ({ ack, body, action, respond, client }) => {
    await ack();
    // "Open on arXiv": Slack has opened the link in the browser; there is nothing to answer.
    if (action.selected_option.value === LINK_OPTION_VALUE) return;
    await onPress(action.selected_option.value, action.block_id, body, respond, client);
  });

  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: SHARE_ACTION_ID }, async ({ ack, body, action, respond }) => {
    await ack();
    const where = whereOf(body);
    await guarded(respond, { kind: 'share', ...where }, async () => {
      const decoded = bot.actions.decode(action.value ?? '');
      const { reply, source } = decoded
        ? await rerun(decoded, where)
        : { reply: errorReply('This button has expired.', 'Run the command again to share fresh results.'), source: undefined };
      if (reply.error) {
        await respond({ ...render(reply, {}), replace_original: false });
        return;
      }
      const shared: RespondArguments = {
        ...render(reply, { sharedBy: where.userId, owner: where.userId, ...(source ? { source } : {}) }),
        response_type: 'in_channel',
        replace_original: false,
      };
      await respond(shared);
      // The private copy has served its purpose.
      if (body.container?.is_ephemeral !== false) await respond({ delete_original: true });
    });
  });

  /** Runs a share button's action again: a typed command line, or a command with arguments. */
  async function rerun(action: Action, where: Where): Promise<{ reply: Reply; source: string | undefined }> {
    if (action.command !== TEXT_COMMAND) {
      return { reply: await bot.run(action.command, action.args, await requestFor(where, action.command)), source: action.command };
    }
    const text = String(action.args.text ?? '');
    const name = firstWord(text) ?? 'help';
    return { reply: await bot.runText(text, await requestFor(where, name)), source: name };
  }

  /** Replies of commands that change settings or someone's own data are never re-run by a share button. */
  function shareable(command: string | undefined): boolean {
    const spec = command !== undefined ? bot.registry.get(command) : undefined;
    return spec !== undefined && spec.requiresManage !== true && spec.personal !== true;
  }
}

function whereOf(body: { user: { id: string }; channel?: { id: string }; team: { id: string } | null }): Where {
  return { userId: body.user.id, channelId: body.channel?.id ?? '', ...(body.team?.id ? { teamId: body.team.id } : {}) };
}

/**
 * Forgiving parse of the slash command's text: Slack escapes `&`, `<`, `>`; people sometimes
 * type the command name again (`/papers /papers search x`) or use odd spacing.
 */
export function normaliseCommandText(text: string, commandName: string): string {
  const name = commandName.replace(/^\//, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return unescapeText(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(new RegExp(`^/?${name}(\\s+|$)`, 'i'), '')
    .trim();
}

function firstWord(text: string): string | undefined {
  const word = text.trim().split(/\s+/)[0];
  return word ? word.toLowerCase() : undefined;
}
