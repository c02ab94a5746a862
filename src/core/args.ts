/**
 * Argument validation and free-text parsing, both derived from a command's `ArgSpec`s.
 */
import { z } from 'zod';
import type { ArgSpec, CommandDef } from './command.js';
import { UserError } from './errors.js';

export type RawArgs = Record<string, unknown>;

function schemaFor(spec: ArgSpec): z.ZodType {
  let schema: z.ZodType;
  if (spec.type === 'integer') {
    let n = z.coerce.number({ error: `\`${spec.name}\` must be a whole number` }).int(`\`${spec.name}\` must be a whole number`);
    if (spec.min !== undefined) n = n.min(spec.min, `\`${spec.name}\` must be at least ${spec.min}`);
    if (spec.max !== undefined) n = n.max(spec.max, `\`${spec.name}\` must be at most ${spec.max}`);
    schema = n;
  } else {
    let s = z.string().trim().min(1, `\`${spec.name}\` must not be empty`);
    if (spec.maxLength !== undefined) {
      s = s.max(spec.maxLength, `\`${spec.name}\` is too long (at most ${spec.maxLength} characters)`);
    }
    schema = s;
  }
  if (spec.required) return schema;
  return spec.default !== undefined ? schema.default(spec.default as never) : schema.optional();
}

/** Treats empty strings and nulls as "not given", as chat platforms send them for blank options. */
function blankToUndefined(raw: RawArgs): RawArgs {
  const out: RawArgs = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    out[key] = value;
  }
  return out;
}

/** Validates raw arguments against the command's specs; throws a friendly `UserError`. */
export function validateArgs(command: CommandDef, raw: RawArgs): Record<string, unknown> {
  const shape: Record<string, z.ZodType> = {};
  for (const spec of command.args) shape[spec.name] = schemaFor(spec);
  const given = blankToUndefined(raw);
  const result = z.object(shape).safeParse(given);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '');
    return given[name] === undefined ? `\`${name}\` is required` : issue.message;
  });
  throw new UserError(`${problems.join('; ')}.`, `Usage: ${command.usage}`);
}

/**
 * Reads arguments from free text, as typed in Slack or the console:
 * `digest contrastive learning 5` gives `{ topic: 'contrastive learning', count: 5 }`.
 * Trailing integer arguments are taken from the end so that a `rest` string can hold spaces.
 */
export function parseArgText(command: CommandDef, text: string): RawArgs {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const specs = command.args.filter((spec) => spec.text !== 'hidden');
  const restIndex = specs.findIndex((spec) => spec.text === 'rest');
  const raw: RawArgs = {};
  if (restIndex === -1) {
    specs.forEach((spec, i) => {
      if (words[i] !== undefined) raw[spec.name] = words[i];
    });
    if (words.length > specs.length) {
      throw new UserError(`Too many words: \`${words.slice(specs.length).join(' ')}\`.`, `Usage: ${command.usage}`);
    }
    return raw;
  }
  const before = specs.slice(0, restIndex);
  const after = specs.slice(restIndex + 1);
  before.forEach((spec) => {
    const word = words.shift();
    if (word !== undefined) raw[spec.name] = word;
  });
  // Optional trailing numbers: take them from the end only when they look like numbers.
  for (let i = after.length - 1; i >= 0; i--) {
    const spec = after[i]!;
    const last = words[words.length - 1];
    if (last === undefined) break;
    if (spec.type === 'integer' && !/^-?\d+$/.test(last)) continue;
    if (words.length <= 1) break; // keep at least one word for the rest argument
    raw[spec.name] = words.pop();
  }
  const rest = words.join(' ');
  if (rest) raw[specs[restIndex]!.name] = rest;
  return raw;
}
