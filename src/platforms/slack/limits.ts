/**
 * Block Kit and message limits the Slack renderer respects. Slack rejects a whole message
 * (`invalid_blocks`, `msg_too_long`) when one field is too long, so every string is clipped.
 *
 * @see https://docs.slack.dev/reference/block-kit/blocks
 * @see https://docs.slack.dev/reference/block-kit/block-elements/button-element
 * @see https://docs.slack.dev/reference/methods/chat.postMessage
 */
export const MAX_BLOCKS = 50;
export const SECTION_TEXT_MAX = 3000;
export const SECTION_FIELDS_MAX = 10;
export const FIELD_TEXT_MAX = 2000;
export const HEADER_TEXT_MAX = 150;
export const CONTEXT_ELEMENTS_MAX = 10;
/** A context element is a text object, which holds at most 3000 characters. */
export const CONTEXT_TEXT_MAX = 3000;
export const ACTIONS_ELEMENTS_MAX = 25;
export const BUTTON_TEXT_MAX = 75;
export const ACTION_ID_MAX = 255;
export const BLOCK_ID_MAX = 255;
export const BUTTON_VALUE_MAX = 2000;
/** An overflow menu holds 2–5 options; an option's text is at most 75 characters, its value 150. */
export const OVERFLOW_OPTIONS_MAX = 5;
export const OPTION_TEXT_MAX = 75;
export const OPTION_VALUE_MAX = 150;
/** An overflow option may open a URL of at most 3000 characters. */
export const OPTION_URL_MAX = 3000;
/** Slack truncates `text` beyond 40,000 characters. */
export const MESSAGE_TEXT_MAX = 40_000;
/** ...and recommends keeping it under 4,000; it is only a fallback next to the blocks. */
export const FALLBACK_TEXT_MAX = 4000;
/**
 * Slack also refuses messages whose blocks are long in total (`msg_blocks_too_long`), at an
 * undocumented size around 13,000 characters; stay well under it.
 * @see https://github.com/slackapi/bolt-js/issues/2509
 */
export const BLOCKS_TEXT_BUDGET = 11_000;
