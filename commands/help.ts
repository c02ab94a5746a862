import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { reply, type Button } from '../src/core/reply.js';

/** Opens the subscribe form where the platform has one (`RequestInfo.forms`). */
export const SUBSCRIBE_BUTTON: Button = { label: 'Subscribe this channel', action: { command: 'subscribe', args: {} } };

export const help = defineCommand({
  name: 'help',
  description: 'What paperbot can do, or how to use one command',
  usage: 'help search',
  args: [{ name: 'command', description: 'A command to explain', type: 'string', maxLength: 32 }],
  execute({ command }, { commands: commandList, request }) {
    const example = (c: { name: string; usage: string; requiresManage?: boolean }) => `${request.commandPrefix?.(c) ?? ''}${c.usage}`;
    if (command) {
      const found = commandList.find((c) => c.name === command.toLowerCase());
      if (!found) throw new UserError(`There is no command \`${command}\`.`, `Commands: ${commandList.map((c) => c.name).join(', ')}.`);
      const options = found.args
        .filter((arg) => arg.text !== 'hidden')
        .map((arg) => ({ label: arg.name + (arg.required ? '' : ' (optional)'), value: arg.description }));
      return reply(
        `${found.name}: ${found.description}\nExample: ${example(found)}`,
        [
          { type: 'header', text: found.name },
          { type: 'text', text: found.description },
          ...(options.length ? [{ type: 'fields' as const, fields: options }] : []),
          { type: 'context', text: `Example: ${example(found)}` },
        ],
        [],
        true,
      );
    }
    const fields = commandList.map((c) => ({ label: c.name, value: `${c.description}\ne.g. \`${example(c)}\`` }));
    return reply(
      ['paperbot commands:', ...commandList.map((c) => `- ${example(c)}: ${c.description}`)].join('\n'),
      [
        { type: 'header', text: 'paperbot' },
        { type: 'text', text: 'Research papers in your chat. Commands:' },
        { type: 'fields', fields },
      ],
      [{ label: 'Random paper', action: { command: 'random', args: {} } }, ...(request.forms ? [SUBSCRIBE_BUTTON] : [])],
      true,
    );
  },
});
