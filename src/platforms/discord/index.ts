/** The Discord adapter's public surface. */
export { startDiscord, type DiscordHandle, type DiscordOptions } from './client.js';
export { startDiscordHttp, DISCORD_INTERACTIONS_PATH, type DiscordHttpHandle, type DiscordHttpOptions } from './http-endpoint.js';
export { buildCommands, adminRootName, type CommandJSON } from './commands.js';
export { registerDiscordCommands, inviteUrl, BOT_PERMISSIONS, type RegisterOptions, type RegisterResult } from './register.js';
export { DiscordPoster, nonceFor, type DiscordPosterOptions } from './poster.js';
export { renderMessage, type DiscordMessage, type RenderOptions } from './render.js';
export { parseCustomId, UPDATE_PREFIX } from './components.js';
export { autocompleteChoices, type Choice } from './autocomplete.js';
export { LIMITS } from './limits.js';
