/**
 * Every chat platform paperbot can connect to. The configuration schema, the platforms switched
 * on, health checks, digest pacing and shutdown are all derived from this list: a new platform
 * is a folder with an adapter.ts and one line here.
 */
import type { PacingConfig } from '../scheduler/pacer.js';
import type { AnyAdapter } from './adapter.js';
import { discordAdapter } from './discord/adapter.js';
import { slackAdapter } from './slack/adapter.js';

export const platformAdapters: readonly AnyAdapter[] = [discordAdapter, slackAdapter];

export function pacingFor(adapters: readonly AnyAdapter[] = platformAdapters): PacingConfig {
  return Object.fromEntries(adapters.map((adapter) => [adapter.name, adapter.pacing]));
}
