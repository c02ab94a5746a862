import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { search } from './search.js';

export const author = defineCommand({
  name: 'author',
  description: "An author's papers, newest first (same as searching author:\"NAME\")",
  usage: 'author Yann LeCun',
  args: [
    { name: 'name', description: 'Author name, or part of it', type: 'string', required: true, maxLength: 100, text: 'rest' },
    { name: 'page', description: 'Results page', type: 'integer', default: 1, min: 1, max: 100, text: 'hidden' },
  ],
  execute({ name, page }, ctx) {
    const clean = name.replace(/"/g, ' ').trim();
    if (!clean) throw new UserError('Which author?', 'e.g. `author Yann LeCun`.');
    return search.execute({ query: `author:"${clean}"`, page }, ctx);
  },
});
