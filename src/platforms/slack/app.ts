/**
 * Starts the Slack adapter: a real Bolt `App` in Socket Mode (app-level token, no public URL) or
 * HTTP mode (signing secret; Bolt verifies every request's signature and timestamp).
 *
 * @see https://docs.slack.dev/tools/bolt-js/concepts/socket-mode
 * @see https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
import type { AddressInfo } from 'node:net';
import { App, type AppOptions } from '@slack/bolt';
import type { Bot } from '../../core/bot.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import type { Poster } from '../../core/poster.js';
import { boltLogger } from './bolt-logger.js';
import { registerHandlers } from './handlers.js';
import { createManageCheck, type ManagePolicy } from './permissions.js';
import { describeError } from './safe-error.js';
import { createStrictClient, SlackPoster } from './poster.js';

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
  const canManage = createManageCheck({ policy: options.managePolicy, managers: options.managers, client: strict, log });
  registerHandlers(app, { bot, commandName: options.commandName ?? '/papers', canManage, log });

  await app.init(); // auth.test: fails fast on a bad or revoked token
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
    isReady: () => ready,
    async stop() {
      if (!ready) return;
      ready = false;
      await app.stop();
    },
  };
}

/** The Web API client appends method names to the base URL, so it must end with a slash. */
function normaliseApiUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.endsWith('/') ? url : `${url}/`;
}
