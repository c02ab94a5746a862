/**
 * Starts the Slack adapter: a real Bolt `App` in Socket Mode (app-level token, no public URL) or
 * HTTP mode (signing secret; Bolt verifies every request's signature and timestamp).
 *
 * @see https://docs.slack.dev/tools/bolt-js/concepts/socket-mode
 * @see https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
import type { AddressInfo } from 'node:net';
import { App, SocketModeReceiver, webApi, type AppOptions } from '@slack/bolt';
import type { Bot } from '../../core/bot.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import type { Poster } from '../../core/poster.js';
import type { RequestDeduper } from '../../core/request-log.js';
import { boltLogger } from './bolt-logger.js';
import { registerHandlers } from './handlers.js';
import { createManageCheck, type ManagePolicy } from './permissions.js';
import { describeError } from '../../core/safe-error.js';
import { createStrictClient, SlackPoster } from './poster.js';
import { registerUnfurls } from './unfurl.js';
import { registerHome } from './home.js';
import { registerReactions } from './reactions.js';
import { dropRetriedEvents } from './retries.js';

export interface SlackOptions {
  /** `SLACK_BOT_TOKEN` (`xoxb-…`). */
  botToken: string;
  /** `SLACK_MODE`. */
  mode: 'socket' | 'http';
  /** `SLACK_APP_TOKEN` (`xapp-…`, scope `connections:write`): Socket Mode only. */
  appToken?: string;
  /** `SLACK_SIGNING_SECRET`: HTTP mode only. */
  signingSecret?: string;
  /** `PORT`: HTTP mode; 0 picks a free port. Default 3000. */
  port?: number;
  /** Interface to listen on in HTTP mode; default all interfaces. */
  host?: string;
  /** `SLACK_API_URL`: Web API base, e.g. a local fake. Default `https://slack.com/api/`. */
  apiUrl?: string;
  /** The slash command as configured in the manifest. Default `/papers`. */
  commandName?: string;
  managePolicy: ManagePolicy;
  /** User IDs allowed to manage channels under the `admins` policy, besides admins and owners. */
  managers: string[];
  logger?: Logger;
  /** Drops Slack's retries of events any replica already handled. */
  dedupe?: RequestDeduper;
}

export interface SlackHandle {
  app: App;
  poster: Poster;
  /** The port the HTTP receiver listens on (HTTP mode). */
  port?: number;
  stop(): Promise<void>;
  isReady(): boolean;
}

/** Bolt's options for our settings; throws one error listing every missing setting. */
export function slackAppOptions(options: SlackOptions, log: Logger = silentLogger): AppOptions {
  const missing: string[] = [];
  if (!options.botToken) missing.push('SLACK_BOT_TOKEN');
  if (options.mode === 'socket' && !options.appToken) missing.push('SLACK_APP_TOKEN (Socket Mode)');
  if (options.mode === 'http' && !options.signingSecret) missing.push('SLACK_SIGNING_SECRET (HTTP mode)');
  if (missing.length) throw new Error(`slack: missing settings: ${missing.join(', ')}`);

  const apiUrl = normaliseApiUrl(options.apiUrl);
  const common: AppOptions = {
    token: options.botToken,
    logger: boltLogger(log.child({ component: 'slack' })),
    // Call auth.test in `init()`, where a bad token fails start-up, not in the constructor.
    deferInitialization: true,
    ...(apiUrl ? { clientOptions: { slackApiUrl: apiUrl } } : {}),
  };
  return options.mode === 'socket'
    ? { ...common, socketMode: true, appToken: options.appToken! }
    : { ...common, socketMode: false, signingSecret: options.signingSecret!, signatureVerification: true };
}

export async function startSlack(options: SlackOptions, bot: Bot): Promise<SlackHandle> {
  const log = (options.logger ?? silentLogger).child({ platform: 'slack' });
  const app = new App(slackAppOptions(options, log));
  app.error(async (error) => {
    log.error({ err: describeError(error) }, 'slack app error');
  });

  const apiUrl = normaliseApiUrl(options.apiUrl);
  const strict = createStrictClient(options.botToken, { log, ...(apiUrl ? { apiUrl } : {}) });
  // First, so a retried event reaches no listener.
  if (options.dedupe) dropRetriedEvents(app, options.dedupe, log);
  const canManage = createManageCheck({ policy: options.managePolicy, managers: options.managers, client: strict, log });
  registerHandlers(app, { bot, commandName: options.commandName ?? '/papers', canManage, log });
  registerUnfurls(app, bot, log);
  registerHome(app, bot, log);
  registerReactions(app, bot, log);

  await checkAuth(options.botToken, apiUrl, log);
  await app.init(); // Bolt's own auth.test; the API has just answered ours
  const connected = trackSocket(app, options.mode, log);
  let port: number | undefined;
  if (options.mode === 'http') {
    const server = await app.start({ port: options.port ?? 3000, ...(options.host ? { host: options.host } : {}) });
    port = (server.address() as AddressInfo | null)?.port;
  } else {
    await app.start();
  }
  let ready = true;
  log.info({ mode: options.mode, port }, 'slack adapter started');

  const poster = new SlackPoster(strict, { encode: (action, max) => bot.actions.encode(action, max), log });
  return {
    app,
    poster,
    ...(port !== undefined ? { port } : {}),
    isReady: () => ready && connected(),
    async stop() {
      if (!ready) return;
      ready = false;
      await app.stop();
    },
  };
}

/**
 * Bolt's client retries for about half an hour, so an unreachable API would hang start-up; this
 * check gives up within seconds. Messages name the setting to fix, never the token.
 */
async function checkAuth(token: string, apiUrl: string | undefined, log: Logger): Promise<void> {
  const client = createStrictClient(token, {
    ...(apiUrl ? { apiUrl } : {}),
    log,
    timeoutMs: 5000,
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000, maxRetryTime: 10_000 },
  });
  try {
    await client.auth.test();
  } catch (error) {
    const e = error as { code?: string; data?: { error?: string } };
    if (e.code === webApi.ErrorCode.PlatformError) {
      throw new Error(`slack: auth.test refused the bot token (${e.data?.error ?? 'unknown_error'}); check SLACK_BOT_TOKEN`);
    }
    const where = apiUrl ?? 'https://slack.com/api/';
    throw new Error(`slack: could not reach the Web API at ${where} (${describeError(error).message}); check the network or SLACK_API_URL`);
  }
}

/**
 * In Socket Mode the app is only reachable while its WebSocket is up: follow the socket-mode
 * client's `connected` / `disconnecting` / `disconnected` / `reconnecting` / `close` events.
 * HTTP mode is ready while the server listens.
 */
function trackSocket(app: App, mode: SlackOptions['mode'], log: Logger): () => boolean {
  if (mode !== 'socket') return () => true;
  // Bolt keeps its receiver private; the Socket Mode receiver's `client` is public.
  const receiver = (app as unknown as { receiver?: unknown }).receiver;
  if (!(receiver instanceof SocketModeReceiver)) return () => true;
  let up = false;
  let dropped = false;
  receiver.client.on('connected', () => {
    if (dropped) log.info({}, 'slack socket mode reconnected');
    up = true;
  });
  const down = (event: string) => () => {
    if (up) log.info({ event }, 'slack socket mode disconnected');
    up = false;
    dropped = true;
  };
  for (const event of ['disconnecting', 'disconnected', 'reconnecting', 'close']) receiver.client.on(event, down(event));
  return () => up;
}

/** The Web API client appends method names to the base URL, so it must end with a slash. */
function normaliseApiUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.endsWith('/') ? url : `${url}/`;
}
