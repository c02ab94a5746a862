/** Every paper of the real corpus, and the list commands, rendered within Block Kit limits. */
import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/platforms/slack/render.js';
import type { RequestInfo } from '../../../src/core/command.js';
import { botWith, realLibrary } from '../../commands/helpers.js';
import { blockKitViolations, messageTexts } from './limits-check.js';

const REQUEST: RequestInfo = { platform: 'slack', userId: 'U1', channelId: 'C1', workspaceId: 'T1' };

describe('Slack rendering of the real corpus', () => {
  const bot = botWith();
  const encode = bot.actions.encode.bind(bot.actions);
  const safe = (texts: string[]) => texts.every((t) => !/<[!@#]/.test(t));

  it('renders every paper’s details within the limits and escaped', async () => {
    const { library } = realLibrary();
    const problems: string[] = [];
    for (const paper of library.papers) {
      const message = renderReply(await bot.run('paper', { id: paper.id }, REQUEST), { encode });
      const violations = blockKitViolations(message);
      if (violations.length || !safe(messageTexts(message))) problems.push(`${paper.id}: ${violations.join('; ') || 'unescaped'}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(['search diffusion models', 'search "language model" sort:new', 'digest diffusion 10', 'similar x', 'topics', 'help', 'random'])(
    '%s renders within the limits',
    async (text) => {
      const message = renderReply(await bot.runText(text, REQUEST), { encode, share: { command: '$text', args: { text } } });
      expect(blockKitViolations(message)).toEqual([]);
      expect(safe(messageTexts(message))).toBe(true);
    },
  );
});
