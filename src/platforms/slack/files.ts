/**
 * A reply's files (a reading-list export) go to the requester's direct messages with the app: an
 * ephemeral message cannot carry a file, and a reading list must not land in the channel.
 * @see https://docs.slack.dev/reference/methods/files.getUploadURLExternal
 * @see https://docs.slack.dev/reference/methods/conversations.open
 */
import type { App } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import { errorReply, type Reply } from '../../core/reply.js';
import { describeError } from '../../core/safe-error.js';

/** The app's direct-message channel with a user (`im:write`): where files and personal digests go. */
export async function openDirectMessage(client: App['client'], userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  if (!opened.channel?.id) throw new Error('conversations.open returned no channel');
  return opened.channel.id;
}

export async function sendFilesPrivately(client: App['client'], userId: string, reply: Reply, log: Logger): Promise<Reply> {
  const files = reply.files ?? [];
  if (files.length === 0) return reply;
  try {
    const channel = await openDirectMessage(client, userId);
    for (const file of files) {
      await client.files.uploadV2({ channel_id: channel, filename: file.name, title: file.name, file: Buffer.from(file.content, 'utf8'), initial_comment: reply.text });
    }
    const text = `${reply.text} I sent ${files.map((f) => f.name).join(', ')} to you in a direct message.`;
    const { files: _sent, ...rest } = reply;
    return { ...rest, text, blocks: [{ type: 'text', text }] };
  } catch (error) {
    log.warn({ err: describeError(error), userId }, 'slack file upload failed');
    return errorReply("I couldn't send you the file.", 'paperbot needs the `files:write` and `im:write` scopes: ask whoever installed it to reinstall the app from its manifest.');
  }
}
