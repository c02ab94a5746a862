import { describe, expect, it } from 'vitest';
import { ActionCodec } from '../../src/core/actions.js';

describe('ActionCodec', () => {
  it('inlines short actions and decodes them back', () => {
    const codec = new ActionCodec();
    const payload = codec.encode({ command: 'search', args: { query: 'diffusion', page: 2 } }, 100);
    expect(payload).toBe('pb1:["search",{"query":"diffusion","page":2}]');
    expect(codec.decode(payload)).toEqual({ command: 'search', args: { query: 'diffusion', page: 2 } });
  });

  it('keeps long actions by reference within the length limit', () => {
    const codec = new ActionCodec();
    const action = { command: 'search', args: { query: 'a very long descriptive query '.repeat(10), page: 3 } };
    const payload = codec.encode(action, 100);
    expect(payload.length).toBeLessThanOrEqual(100);
    expect(payload.startsWith('pbr:')).toBe(true);
    expect(codec.decode(payload)).toEqual(action);
    expect(codec.encode({ ...action, args: { ...action.args } }, 100)).toBe(payload);
  });

  it('forgets the oldest references when full, and rejects garbage', () => {
    const codec = new ActionCodec(2);
    const long = (n: number) => ({ command: 'search', args: { query: `${n} ${'x'.repeat(200)}` } });
    const first = codec.encode(long(1), 100);
    codec.encode(long(2), 100);
    codec.encode(long(3), 100);
    expect(codec.decode(first)).toBeUndefined();
    expect(codec.decode('pb1:{not json')).toBeUndefined();
    expect(codec.decode('pb1:[1,2]')).toBeUndefined();
    expect(codec.decode('something else')).toBeUndefined();
  });
});
