/**
 * Which chat platforms are switched on, decided from which credentials are present. A credential
 * without its partner is an error rather than a silent fallback to console mode, because it almost
 * always means a typo or a half-finished deployment.
 */
import type { ConfigProblem } from './errors.js';

export type Env = Readonly<Record<string, string | undefined>>;
export type SlackMode = 'socket' | 'http';

export interface PlatformChoice {
  discord: boolean;
  slack: SlackMode | undefined;
}

/** The Slack mode asked for, else Socket Mode when an app token is given, else HTTP. */
export function slackMode(env: Env): SlackMode | undefined {
  const asked = env.SLACK_MODE?.trim().toLowerCase();
  if (asked === 'socket' || asked === 'http') return asked;
  if (asked !== undefined) return undefined; // invalid: reported by the schema
  return env.SLACK_APP_TOKEN ? 'socket' : 'http';
}

/** Presence rules between variables; `env` has empty strings already removed. */
export function choosePlatforms(env: Env): { choice: PlatformChoice; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const missing = (variable: string, message: string) => problems.push({ variable, message: `${variable} is missing: ${message}` });

  const discord = env.DISCORD_TOKEN !== undefined;
  if (discord && env.DISCORD_APPLICATION_ID === undefined) {
    missing('DISCORD_APPLICATION_ID', 'it is required when DISCORD_TOKEN is set. Copy the Application ID from the Discord Developer Portal, General Information.');
  }
  if (!discord && env.DISCORD_APPLICATION_ID !== undefined) {
    missing('DISCORD_TOKEN', 'DISCORD_APPLICATION_ID is set, so Discord needs its bot token too (Developer Portal, Bot, Reset Token). Unset DISCORD_APPLICATION_ID to run without Discord.');
  }

  const slack = env.SLACK_BOT_TOKEN !== undefined;
  const mode = slack ? slackMode(env) : undefined;
  if (!slack) {
    const partners = ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'].filter((name) => env[name] !== undefined);
    if (partners.length > 0) {
      missing('SLACK_BOT_TOKEN', `${partners.join(' and ')} ${partners.length > 1 ? 'are' : 'is'} set, so Slack needs its bot token too (xoxb-..., from OAuth & Permissions). Unset ${partners.join(' and ')} to run without Slack.`);
    }
  } else if (mode === 'http' && env.SLACK_SIGNING_SECRET === undefined) {
    missing('SLACK_SIGNING_SECRET', 'it is required for Slack in HTTP mode (Basic Information, App Credentials, Signing Secret). For Socket Mode set SLACK_APP_TOKEN instead.');
  } else if (mode === 'socket' && env.SLACK_APP_TOKEN === undefined) {
    missing('SLACK_APP_TOKEN', 'it is required for Slack in Socket Mode (Basic Information, App-Level Tokens, a token with connections:write). For HTTP mode set SLACK_MODE=http and SLACK_SIGNING_SECRET.');
  }
  return { choice: { discord, slack: mode }, problems };
}
