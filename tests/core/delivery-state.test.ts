import { describe, expect, it } from 'vitest';
import { assertTransitions, canTransition, DELIVERY_STATES, IllegalTransition, INITIAL_STATES, isFinal, OPEN_STATES, TRANSITIONS } from '../../src/core/delivery-state.js';

describe('the delivery state machine', () => {
  it('allows exactly these moves', () => {
    const moves = DELIVERY_STATES.flatMap((from) => DELIVERY_STATES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(moves).toEqual([
      'claimed→sending',
      'claimed→failed',
      'claimed→skipped',
      'sending→claimed',
      'sending→sending',
      'sending→sent',
      'sending→uncertain',
      'sending→failed',
      'sending→paused',
    ]);
  });

  it('never leaves a final state, and never goes back to sending once settled', () => {
    expect(DELIVERY_STATES.filter(isFinal)).toEqual(['sent', 'uncertain', 'failed', 'paused', 'skipped']);
    for (const state of DELIVERY_STATES.filter(isFinal)) expect(TRANSITIONS[state]).toEqual([]);
    expect(OPEN_STATES).toEqual(['claimed', 'sending']);
    expect(INITIAL_STATES).toEqual(['claimed', 'skipped']);
  });

  it('an uncertain slot can never be sent again: the at-most-once rule', () => {
    expect(canTransition('uncertain', 'sending')).toBe(false);
    expect(canTransition('uncertain', 'claimed')).toBe(false);
    // Only a post that surely did not go out (429, refused credentials) returns to claimed.
    expect(DELIVERY_STATES.filter((from) => canTransition(from, 'claimed'))).toEqual(['sending']);
  });

  it('assertTransitions names the first forbidden move', () => {
    expect(() => assertTransitions(['claimed', 'sending'], 'failed')).not.toThrow();
    expect(() => assertTransitions(['sending', 'sent'], 'failed')).toThrow(new IllegalTransition('sent', 'failed'));
    expect(() => assertTransitions(['sent'], 'sending')).toThrow(/sent → sending is not an allowed transition/);
  });
});
