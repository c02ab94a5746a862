/**
 * The contract every chat platform implements. An adapter declares the settings it reads, how
 * fast it may post, and how to start; the configuration, health checks, digest pacing and
 * shutdown all follow from the list in registry.ts. Adding a platform is one folder with an
 * `adapter.ts`, plus one line in the registry.
 *
 * An adapter module imports its SDK lazily inside `start`, so a console run never loads it.
 */
import type { z } from 'zod';
import type { Bot } from '../core/bot.js';
import type { Logger } from '../core/logger.js';
import type { Poster, RateSpec } from '../core/poster.js';
import type { RequestDeduper } from '../core/request-log.js';
import type { ConfigProblem } from '../config/errors.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface AdapterContext {
  bot: Bot;
  logger: Logger;
  /** Address for an adapter that listens for requests (Slack's HTTP mode), `PAPERBOT_LISTEN_HOST`. */
  listenHost?: string;
  /** Recognises a platform's retry of a request any replica already handled. */
  dedupe?: RequestDeduper;
}

/** A connected platform. */
export interface RunningPlatform {
  /** Posts scheduled digests. */
  poster: Poster;
  /** Connected and able to answer (for `/healthz`). */
  health(): boolean;
  stop(): Promise<void>;
}

export interface PlatformAdapter<Settings = unknown, Shape extends z.ZodRawShape = z.ZodRawShape> {
  /** Lower-case name, used as the `Platform` of its requests and subscriptions. */
  readonly name: string;
  /** The environment variables it reads and the format of each. */
  readonly env: Shape;
  /** Those that hold secrets: never logged, never echoed in errors. */
  readonly secrets: readonly (keyof Shape & string)[];
  /** Digest posting limits. */
  readonly pacing: readonly RateSpec[];
  /**
   * Its settings when its credentials are present, `undefined` when the platform is off, and
   * problems when they are half there (a token without its partner).
   */
  configure(values: z.output<z.ZodObject<Shape>>): { settings?: Settings; problems: ConfigProblem[] };
  /** A secrets-free summary for the start-up log. */
  describe(settings: Settings): Record<string, unknown>;
  /** TCP ports it listens on and the variable that sets each, so a clash with the ops server is caught at start. */
  ports?(settings: Settings): { variable: string; port: number }[];
  start(settings: Settings, ctx: AdapterContext): Promise<RunningPlatform>;
}

/** Identity function that keeps the settings type of one adapter. */
export function defineAdapter<Settings, const Shape extends z.ZodRawShape>(adapter: PlatformAdapter<Settings, Shape>): PlatformAdapter<Settings, Shape> {
  return adapter;
}

/**
 * Any adapter, for lists; its settings only ever go back to the adapter that made them. The shape
 * is `any` because each adapter's `configure` reads its own variables, which a list cannot name.
 */
export type AnyAdapter = PlatformAdapter<unknown, any>;
