/**
 * Button payloads. A button re-runs a command with arguments; the action is encoded into the
 * platform's button id (Discord `custom_id` ≤ 100 characters, Slack `value` ≤ 2000). Actions too
 * long to inline are kept in a bounded in-memory table and referenced by a short key, so a long
 * search query still gets a working "next page" button (until a restart or 5000 newer ones).
 */
import { createHash } from 'node:crypto';
import type { Action } from './reply.js';

const INLINE = 'pb1:';
const REF = 'pbr:';

export class ActionCodec {
  private readonly refs = new Map<string, Action>();

  constructor(private readonly maxRefs = 5000) {}

  encode(action: Action, maxLength: number): string {
    const inline = INLINE + JSON.stringify([action.command, action.args]);
    if (inline.length <= maxLength) return inline;
    // The same action always gets the same key, so re-rendering a reply does not churn the table.
    const key = createHash('sha256').update(inline).digest('base64url').slice(0, 12);
    this.refs.delete(key);
    this.refs.set(key, action);
    // Maps iterate in insertion order: drop the oldest when full.
    if (this.refs.size > this.maxRefs) this.refs.delete(this.refs.keys().next().value!);
    return REF + key;
  }

  /** Returns the action, or undefined for a malformed or expired payload. */
  decode(payload: string): Action | undefined {
    if (payload.startsWith(REF)) return this.refs.get(payload.slice(REF.length));
    if (!payload.startsWith(INLINE)) return undefined;
    try {
      const parsed: unknown = JSON.parse(payload.slice(INLINE.length));
      if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') return undefined;
      const args = parsed[1];
      if (typeof args !== 'object' || args === null || Array.isArray(args)) return undefined;
      return { command: parsed[0], args: args as Action['args'] };
    } catch {
      return undefined;
    }
  }
}
