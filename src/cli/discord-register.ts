/** `paperbot discord register [--guild ID]`: publish the slash commands and print the invite URL. */
import type { Writable } from 'node:stream';
import { ConfigError, loadConfig, loadDotenv, settingsOf } from '../config/index.js';
import { discordAdapter } from '../platforms/discord/adapter.js';
import { DISCORD_INTERACTIONS_PATH, inviteUrl, registerDiscordCommands } from '../platforms/discord/index.js';

export async function registerFromCli(
  options: { guildId?: string; env?: NodeJS.ProcessEnv },
  out: Writable,
  err: Writable,
): Promise<number> {
  if (!options.env) loadDotenv();
  let config;
  try {
    config = loadConfig(options.env ?? process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    err.write(`${error.message}\n`);
    return 1;
  }
  const discord = settingsOf(config, discordAdapter);
  if (!discord) {
    err.write('paperbot: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (in the environment or .env) to register commands.\n');
    return 1;
  }
  const { token, applicationId, apiUrl, commandName } = discord;
  const guildId = options.guildId ?? discord.guildId;
  const result = await registerDiscordCommands({ token, applicationId, apiUrl, guildId, rootName: commandName });
  const where = result.scope === 'guild' ? `server ${guildId} (available now)` : 'every server (global; may take a while to appear)';
  out.write(`Registered ${result.commands.map((c) => `/${c.name}`).join(', ')} in ${where}.\n`);
  out.write(`Invite the bot with:\n${inviteUrl(applicationId)}\n`);
  if (discord.http) {
    out.write(
      `DISCORD_MODE=http: in the Developer Portal, General Information, set the Interactions Endpoint URL to https://<your-host>${DISCORD_INTERACTIONS_PATH} (paperbot must be running: Discord checks the URL when you save it).\n`,
    );
  }
  return 0;
}
