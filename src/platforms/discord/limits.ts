/**
 * Discord API v10 limits that the renderer, the command builder and autocomplete respect.
 * Lengths are measured in UTF-16 code units (`string.length`), which is never less than the
 * character count Discord applies, so staying under them is always safe.
 * @see https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * @see https://discord.com/developers/docs/components/reference#button
 * @see https://discord.com/developers/docs/components/reference#string-select
 * @see https://discord.com/developers/docs/interactions/application-commands#application-command-object
 */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** All titles, descriptions, field names and values, footers and author names of a message. */
  embedsTotal: 6000,
  embedUrl: 2048,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  buttonUrl: 512,
  selectOptions: 25,
  selectLabel: 100,
  selectValue: 100,
  selectDescription: 100,
  selectPlaceholder: 150,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** @see https://discord.com/developers/docs/resources/channel#start-thread-from-message */
  threadName: 100,
  /** A message nonce (string form). @see https://discord.com/developers/docs/resources/message#create-message */
  nonce: 25,
} as const;

/** Ephemeral message flag (1 << 6). */
export const EPHEMERAL = 64;
/** Permission bits. @see https://discord.com/developers/docs/topics/permissions#permissions-bitwise-permission-flags */
export const PERMISSIONS = {
  manageChannels: 1n << 4n,
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  embedLinks: 1n << 14n,
  readMessageHistory: 1n << 16n,
  /** For digests posted as threads. */
  createPublicThreads: 1n << 35n,
  sendMessagesInThreads: 1n << 38n,
} as const;
