/** How reading lists read in chat, shared by `save`, `unsave` and `saved`. */
import type { CommandContext, UserData } from './command.js';
import type { Button } from './reply.js';
import { UserError } from './errors.js';
import { channelList, userList, type ListOwner } from './reading-list.js';

/** The list a command means: the caller's own (default), or the channel's shared one. */
export function listOwner(ctx: Pick<CommandContext, 'request'>, which: string | undefined): ListOwner {
  const word = (which ?? 'mine').trim().toLowerCase();
  if (word === 'mine' || word === 'me' || word === 'my') return userList(ctx.request.platform, ctx.request.userId);
  if (word === 'channel') return channelList(ctx.request.platform, ctx.request.channelId);
  throw new UserError(`“${which}” is not a reading list.`, 'Use `mine` (your own list, the default) or `channel` (this channel\'s shared list).');
}

export const listName = (owner: ListOwner): string => (owner.kind === 'user' ? 'your reading list' : "this channel's reading list");

export function needUserData(ctx: Pick<CommandContext, 'userData'>): UserData {
  if (!ctx.userData) throw new UserError('Reading lists and votes are not available here.', 'They need the bot running with its database.');
  return ctx.userData;
}

/** The arguments that name this list to `save`, `unsave` and `saved` (none for the caller's own). */
export const listArgs = (owner: ListOwner): Record<string, string> => (owner.kind === 'channel' ? { list: 'channel' } : {});

/** A button that shows the list. */
export const listButton = (owner: ListOwner): Button => ({ label: owner.kind === 'channel' ? "Channel's list" : 'My reading list', action: { command: 'saved', args: listArgs(owner) } });
