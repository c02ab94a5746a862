/** Slack as a platform adapter: its settings, limits and start. Bolt loads only on start. */
import { z } from 'zod';
import { httpUrl, oneOf, slackUserList, tcpPort } from '../../config/fields.js';
import type { ConfigProblem } from '../../config/errors.js';
import { defineAdapter } from '../adapter.js';

interface SlackCommon {
  botToken: string;
  apiUrl?: string;
  commandName: string;
  managePolicy: 'everyone' | 'admins';
  /** User IDs allowed to manage channel subscriptions in addition to workspace admins. */
  managers: string[];
}
export type SlackSettings =
  | (SlackCommon & { mode: 'http'; signingSecret: string; port: number; appToken?: string })
  | (SlackCommon & { mode: 'socket'; appToken: string; signingSecret?: string });

export const SLACK_DEFAULTS = { port: 3000, commandName: '/papers', managePolicy: 'admins' } as const;

const env = {
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must start with xoxb- (OAuth & Permissions, Bot User OAuth Token)').optional(),
  // Slack documents no exact format; refuse only what is clearly something else.
  SLACK_SIGNING_SECRET: z
    .string()
    .refine((s) => !/\s/.test(s), 'must be the Signing Secret from Basic Information, App Credentials, without spaces')
    .refine((s) => !/^xox|^xapp-/.test(s), 'looks like a Slack token; it must be the Signing Secret from Basic Information, App Credentials, not a token')
    .refine((s) => s.length >= 16, 'is too short for a Signing Secret (Basic Information, App Credentials)')
    .optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must start with xapp- (Basic Information, App-Level Tokens, with connections:write)').optional(),
  SLACK_MODE: oneOf(['socket', 'http'], 'must be socket or http').optional(),
  PORT: tcpPort('must be a port number from 1 to 65535').optional(),
  SLACK_API_URL: httpUrl('must be an http(s) URL such as https://slack.com/api/').optional(),
  SLACK_COMMAND_NAME: z
    .string()
    .regex(/^\/[a-z0-9_-]{1,31}$/, 'must be a slash command such as /papers (a leading /, then lowercase letters, digits, - or _)')
    .optional(),
  SLACK_MANAGE_POLICY: oneOf(['everyone', 'admins'], 'must be everyone or admins').optional(),
  SLACK_MANAGERS: slackUserList('must be comma-separated Slack user IDs such as U012ABCDEF,U045GHIJKL').optional(),
};
type Values = z.output<z.ZodObject<typeof env>>;

/** The Slack mode asked for, else Socket Mode when an app token is given, else HTTP. */
function slackMode(values: Values): 'socket' | 'http' | undefined {
  const asked = values.SLACK_MODE?.trim().toLowerCase();
  if (asked === 'socket' || asked === 'http') return asked;
  if (asked !== undefined) return undefined; // invalid: reported by the schema
  return values.SLACK_APP_TOKEN ? 'socket' : 'http';
}

function presence(values: Values, mode: 'socket' | 'http' | undefined): ConfigProblem[] {
  const missing = (variable: string, message: string) => [{ variable, message: `${variable} is missing: ${message}` }];
  if (values.SLACK_BOT_TOKEN === undefined) {
    const partners = (['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const).filter((name) => values[name] !== undefined);
    if (partners.length === 0) return [];
    return missing(
      'SLACK_BOT_TOKEN',
      `${partners.join(' and ')} ${partners.length > 1 ? 'are' : 'is'} set, so Slack needs its bot token too (xoxb-..., from OAuth & Permissions). Unset ${partners.join(' and ')} to run without Slack.`,
    );
  }
  if (mode === 'http' && values.SLACK_SIGNING_SECRET === undefined) {
    return missing('SLACK_SIGNING_SECRET', 'it is required for Slack in HTTP mode (Basic Information, App Credentials, Signing Secret). For Socket Mode set SLACK_APP_TOKEN instead.');
  }
  if (mode === 'socket' && values.SLACK_APP_TOKEN === undefined) {
    return missing('SLACK_APP_TOKEN', 'it is required for Slack in Socket Mode (Basic Information, App-Level Tokens, a token with connections:write). For HTTP mode set SLACK_MODE=http and SLACK_SIGNING_SECRET.');
  }
  return [];
}

export const slackAdapter = defineAdapter({
  name: 'slack',
  env,
  secrets: ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'],
  // About one message per second per channel.
  pacing: [{ scope: 'channel', perSecond: 1, burst: 1 }],
  configure(values): { settings?: SlackSettings; problems: ConfigProblem[] } {
    const mode = slackMode(values);
    const problems = presence(values, mode);
    const botToken = values.SLACK_BOT_TOKEN;
    if (problems.length || !botToken || !mode) return { problems };
    const common: SlackCommon = {
      botToken,
      commandName: values.SLACK_COMMAND_NAME ?? SLACK_DEFAULTS.commandName,
      managePolicy: values.SLACK_MANAGE_POLICY ?? SLACK_DEFAULTS.managePolicy,
      managers: values.SLACK_MANAGERS ?? [],
      ...(values.SLACK_API_URL && { apiUrl: values.SLACK_API_URL }),
    };
    const { SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret } = values;
    const settings: SlackSettings =
      mode === 'socket'
        ? { ...common, mode, appToken: appToken!, ...(signingSecret && { signingSecret }) }
        : { ...common, mode, signingSecret: signingSecret!, port: values.PORT ?? SLACK_DEFAULTS.port, ...(appToken && { appToken }) };
    return { settings, problems };
  },
  describe: (slack: SlackSettings) => ({
    mode: slack.mode,
    ...(slack.mode === 'http' && { port: slack.port }),
    apiUrl: slack.apiUrl ?? 'default',
    commandName: slack.commandName,
    managePolicy: slack.managePolicy,
    managers: slack.managers.length,
    botToken: 'set',
    signingSecret: slack.signingSecret ? 'set' : 'unset',
    appToken: slack.appToken ? 'set' : 'unset',
  }),
  ports: (slack: SlackSettings) => (slack.mode === 'http' ? [{ variable: 'PORT', port: slack.port }] : []),
  async start(settings: SlackSettings, { bot, logger, listenHost, dedupe }) {
    const { startSlack } = await import('./app.js');
    const slack = await startSlack({ ...settings, logger, ...(listenHost ? { host: listenHost } : {}), ...(dedupe ? { dedupe } : {}) }, bot);
    return { poster: slack.poster, health: slack.isReady, stop: slack.stop };
  },
});
