/**
 * A replica's name in the database: host, process and a random part. The random part matters: a
 * container restarted after a crash often has the same host name and PID 1, and must not be
 * mistaken for its dead predecessor, whose open slots are for the others to settle.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export function newReplicaId(): string {
  const host = hostname().replace(/[^\w.-]/g, '').slice(0, 40) || 'host';
  return `${host}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** The lease a live replica renews, by its id. */
export const PRESENCE_PREFIX = 'replica:';
export const presenceLease = (replicaId: string) => `${PRESENCE_PREFIX}${replicaId}`;
