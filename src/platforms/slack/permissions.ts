/**
 * Who may run channel-management commands (`requiresManage`) from Slack. Slack has no
 * per-channel "manage" permission for apps, so the policy is either everyone, or workspace
 * admins/owners plus an explicit list of user IDs.
 *
 * @see https://docs.slack.dev/reference/methods/users.info
 */
import type { Logger } from '../../core/logger.js';
import { describeError } from '../../core/safe-error.js';

export type ManagePolicy = 'everyone' | 'admins';

/** What the check needs from the Web API client: `users.info` only. */
export interface UsersInfoClient {
  users: { info(args: { user: string }): Promise<{ user?: { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean } }> };
}

export interface ManageCheckOptions {
  policy: ManagePolicy;
  managers: readonly string[];
  client: UsersInfoClient;
  log: Logger;
  /** How long an admin lookup is trusted; short, so a demoted admin loses access soon. */
  cacheMs?: number;
  now?: () => number;
}

export type ManageCheck = (userId: string) => Promise<boolean>;

export function createManageCheck(options: ManageCheckOptions): ManageCheck {
  const { policy, client, log } = options;
  const managers = new Set(options.managers);
  const cacheMs = options.cacheMs ?? 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { admin: boolean; until: number }>();

  return async (userId) => {
    if (policy === 'everyone' || managers.has(userId)) return true;
    const hit = cache.get(userId);
    if (hit && hit.until > now()) return hit.admin;
    try {
      const { user } = await client.users.info({ user: userId });
      const admin = Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
      cache.set(userId, { admin, until: now() + cacheMs });
      return admin;
    } catch (error) {
      // Fail closed, and do not cache: the next attempt asks again.
      log.warn({ err: describeError(error), userId }, 'slack users.info failed; treating user as not a manager');
      return false;
    }
  };
}
