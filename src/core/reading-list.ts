/**
 * Reading lists: papers a researcher saves for later, privately, or to a channel's shared list.
 * The port the reading-list commands use; the store implements it.
 */
import type { Platform } from './platform.js';

/** Whose list: one user's own (private to them), or a channel's (shared with it). */
export interface ListOwner {
  platform: Platform;
  kind: 'user' | 'channel';
  /** The user's or the channel's id on the platform. */
  id: string;
}

export interface SavedPaper {
  paperId: string;
  savedAt: Date;
  /** Who added it to a channel's list; absent on a user's own list and once that user was forgotten. */
  savedBy?: string;
}

export interface ReadingLists {
  /** Adds the paper; false when it was on the list already. */
  save(owner: ListOwner, paperId: string, savedBy: string, now: Date): Promise<boolean>;
  /** Removes the paper; false when it was not on the list. */
  remove(owner: ListOwner, paperId: string): Promise<boolean>;
  /** The list, most recently saved first. */
  list(owner: ListOwner): Promise<SavedPaper[]>;
}

export const userList = (platform: Platform, userId: string): ListOwner => ({ platform, kind: 'user', id: userId });
export const channelList = (platform: Platform, channelId: string): ListOwner => ({ platform, kind: 'channel', id: channelId });
