/**
 * Adapts the project's structured logger to the `Logger` shape Bolt and the Web API client
 * expect (variadic messages, settable level), so their output lands in the same log stream.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

const ORDER: readonly LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

export function boltLogger(log: Logger, initial: LogLevel = LogLevel.INFO): BoltLogger {
  let level = initial;
  let name = 'bolt';
  const at = (wanted: LogLevel) => ORDER.indexOf(wanted) >= ORDER.indexOf(level);
  const emit = (wanted: LogLevel, msg: unknown[]) => {
    if (!at(wanted)) return;
    const text = msg.filter((m) => typeof m === 'string').join(' ');
    const errors = msg.filter((m): m is Error => m instanceof Error);
    const fields = { component: name, ...(errors[0] ? { err: errors[0] } : {}) };
    log[wanted](fields, text || errors[0]?.message || 'bolt');
  };
  return {
    debug: (...msg: unknown[]) => emit(LogLevel.DEBUG, msg),
    info: (...msg: unknown[]) => emit(LogLevel.INFO, msg),
    warn: (...msg: unknown[]) => emit(LogLevel.WARN, msg),
    error: (...msg: unknown[]) => emit(LogLevel.ERROR, msg),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}
