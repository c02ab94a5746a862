/** The Slack adapter: Bolt wiring, Block Kit renderer and the digest poster. */
export { startSlack, slackAppOptions, type SlackHandle, type SlackOptions } from './app.js';
export { renderReply, type RenderOptions, type SlackBlock, type SlackMessage } from './render.js';
export { SlackPoster, classifySlackError, createStrictClient, PERMANENT_ERRORS } from './poster.js';
export { createManageCheck, type ManagePolicy } from './permissions.js';
export { normaliseCommandText, TEXT_COMMAND } from './handlers.js';
