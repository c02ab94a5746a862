import { describe, expect, it } from 'vitest';
import { allExactlyOnce, describeTally, tallyPosts } from '../../bench/lib/exactly-once.js';
import { describeLoad, isNoisy } from '../../bench/lib/load.js';

describe('exactly-once tally across replicas', () => {
  it('every expected key posted once, shared between replicas: passes', () => {
    const tally = tallyPosts(['a', 'b', 'c'], [['a', 'c'], ['b'], []]);
    expect(tally).toEqual({ expected: 3, exactlyOnce: 3, missing: [], duplicated: [], unexpected: [], byReplica: [2, 1, 0] });
    expect(allExactlyOnce(tally)).toBe(true);
    expect(describeTally(tally)).toBe('3 of 3 posted exactly once (posts by replica: 2 + 1 + 0)');
  });

  it('a key posted by two replicas, one never posted and one not expected: fails and names them', () => {
    const tally = tallyPosts(['a', 'b', 'c'], [['a', 'b'], ['a', 'z']]);
    expect(tally).toMatchObject({ exactlyOnce: 1, missing: ['c'], duplicated: [{ key: 'a', times: 2 }], unexpected: ['z'] });
    expect(allExactlyOnce(tally)).toBe(false);
    expect(describeTally(tally)).toBe(
      '1 of 3 posted exactly once (posts by replica: 2 + 2); 1 never posted (c); 1 posted more than once (a ×2); 1 posts not expected (z)',
    );
  });

  it('a key posted twice by the same replica is a duplicate too', () => {
    expect(tallyPosts(['a'], [['a', 'a']]).duplicated).toEqual([{ key: 'a', times: 2 }]);
  });

  it('nothing posted at all: every key is missing', () => {
    const tally = tallyPosts(['a', 'b'], [[]]);
    expect(tally.missing).toEqual(['a', 'b']);
    expect(allExactlyOnce(tally)).toBe(false);
  });
});

describe('load average', () => {
  it('is noisy above 1.5 on 2 cores, i.e. three quarters of the cores busy', () => {
    expect(isNoisy({ load1: 1.5, cores: 2 })).toBe(false);
    expect(isNoisy({ load1: 1.51, cores: 2 })).toBe(true);
    expect(isNoisy({ load1: 2.5, cores: 4 })).toBe(false);
    expect(describeLoad({ load1: 2, load5: 1, load15: 0.5, cores: 2 })).toBe('load average 2.00 / 1.00 / 0.50 on 2 cores: NOISY (1-minute load above 1.5)');
    expect(describeLoad({ load1: 0.2, load5: 1, load15: 0.5, cores: 2 })).toBe('load average 0.20 / 1.00 / 0.50 on 2 cores');
  });
});
