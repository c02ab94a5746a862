/**
 * The port a chat platform uses to recognise a retried request: the platform sends it again with
 * the same id when it missed the answer, and behind a load balancer the retry may reach another
 * replica than the first delivery did.
 */
export interface RequestDeduper {
  /** True the first time `key` is seen by any replica; false for a retry of a handled request. */
  first(key: string): Promise<boolean>;
}
