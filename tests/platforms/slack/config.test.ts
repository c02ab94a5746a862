/** The app manifests and the mode selection. */
import { readFileSync } from 'node:fs';
import { App, SocketModeReceiver, HTTPReceiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { slackAppOptions, type SlackOptions } from '../../../src/platforms/slack/app.js';

interface Manifest {
  display_information: { name: string; description: string };
  features: { bot_user: { display_name: string }; slash_commands: { command: string; usage_hint: string; url?: string; description: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean; request_url?: string }; socket_mode_enabled: boolean };
}
const load = (name: string): Manifest => JSON.parse(readFileSync(new URL(`../../../config/${name}`, import.meta.url), 'utf8')) as Manifest;

describe('Slack app manifests', () => {
  it.each(['slack-manifest.json', 'slack-manifest.http.json'])('%s declares the bot, /papers, scopes and interactivity', (name) => {
    const manifest = load(name);
    expect(manifest.features.bot_user.display_name).toBe('paperbot');
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'chat:write.public', 'users:read']));
    const [command] = manifest.features.slash_commands;
    expect(command?.command).toBe('/papers');
    for (const name of ['search', 'random', 'digest', 'paper', 'similar', 'topics', 'subscribe', 'help']) expect(command?.usage_hint).toContain(name);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    // Link previews of paper links: the event, both scopes and both domains.
    const raw = manifest as unknown as { features: { unfurl_domains: string[] }; settings: { event_subscriptions: { bot_events: string[] } } };
    expect(raw.features.unfurl_domains).toEqual(['arxiv.org', 'huggingface.co']);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['links:read', 'links:write']));
    expect(raw.settings.event_subscriptions.bot_events).toEqual(['app_home_opened', 'link_shared', 'reaction_added', 'reaction_removed']);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['files:write', 'im:write', 'reactions:read']));
    expect((manifest as unknown as { features: { app_home: { home_tab_enabled: boolean } } }).features.app_home.home_tab_enabled).toBe(true);
  });

  it('the default manifest uses Socket Mode; the HTTP one points both URLs at /slack/events', () => {
    expect(load('slack-manifest.json').settings.socket_mode_enabled).toBe(true);
    const http = load('slack-manifest.http.json');
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.settings.interactivity.request_url).toMatch(/^https:\/\/.+\/slack\/events$/);
    expect(http.features.slash_commands[0]?.url).toMatch(/^https:\/\/.+\/slack\/events$/);
  });
});

describe('mode selection', () => {
  const base: SlackOptions = { botToken: 'xoxb-1', mode: 'socket', appToken: 'xapp-1', managePolicy: 'everyone', managers: [] };
  const receiverOf = (app: App) => (app as unknown as { receiver: unknown }).receiver;

  it('socket mode: app token, Socket Mode receiver, no signing secret', () => {
    const options = slackAppOptions({ ...base, signingSecret: 'ignored', apiUrl: 'http://127.0.0.1:9/api' });
    expect(options).toMatchObject({ socketMode: true, appToken: 'xapp-1', token: 'xoxb-1', clientOptions: { slackApiUrl: 'http://127.0.0.1:9/api/' } });
    expect(options.signingSecret).toBeUndefined();
    expect(receiverOf(new App(options))).toBeInstanceOf(SocketModeReceiver);
  });

  it('HTTP mode: signing secret with signature verification on, HTTP receiver', () => {
    const options = slackAppOptions({ ...base, mode: 'http', appToken: undefined, signingSecret: 's3cret' });
    expect(options).toMatchObject({ socketMode: false, signingSecret: 's3cret', signatureVerification: true });
    expect(options.clientOptions).toBeUndefined();
    expect(receiverOf(new App(options))).toBeInstanceOf(HTTPReceiver);
  });

  it('lists every missing setting by its environment name', () => {
    expect(() => slackAppOptions({ ...base, botToken: '', appToken: undefined })).toThrow('slack: missing settings: SLACK_BOT_TOKEN, SLACK_APP_TOKEN (Socket Mode)');
    expect(() => slackAppOptions({ ...base, mode: 'http' })).toThrow('SLACK_SIGNING_SECRET (HTTP mode)');
  });
});
