/** The digest poster through the real WebClient against the fake, with injected faults. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionCodec } from '../../../src/core/actions.js';
import { reply } from '../../../src/core/reply.js';
import { createStrictClient, PERMANENT_ERRORS, SlackPoster } from '../../../src/platforms/slack/poster.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/slack/index.js';

const digest = reply(
  'Digest: Diffusion <!channel>',
  [
    { type: 'header', text: 'Digest: Diffusion' },
    { type: 'paper', paper: { id: 'p1', title: 'T <!here>', titleDerived: false, meta: 'ID p1', summary: 'S', links: [] } },
  ],
  [{ label: 'Search this topic', action: { command: 'search', args: { query: 'diffusion' } } }],
  true, // even an ephemeral-flagged reply is posted as a normal message
);
const KEY = { idempotencyKey: 'sub-1:2025-01-01' };

describe('SlackPoster', () => {
  let fake: FakeSlack;
  let poster: SlackPoster;
  const codec = new ActionCodec();

  beforeAll(async () => {
    fake = await startFakeSlack({ tokens: ['xoxb-good'] });
    poster = new SlackPoster(createStrictClient('xoxb-good', { apiUrl: fake.apiUrl }), { encode: codec.encode.bind(codec) });
  });
  afterAll(() => fake?.stop());
  beforeEach(() => fake.clearFaults());

  it('posts the rendered digest with chat.postMessage and returns the message ts', async () => {
    const outcome = await poster.post('C123', digest, KEY);
    expect(outcome).toEqual({ ok: true, messageId: expect.stringMatching(/^\d+\.\d{6}$/) });
    const call = fake.callsTo('chat.postMessage').at(-1)!;
    expect(call.args).toMatchObject({ channel: 'C123', text: 'Digest: Diffusion &lt;!channel&gt;', unfurl_links: 'false' });
    expect(call.args.response_type).toBeUndefined();
    expect(JSON.stringify(call.args.blocks)).toContain('*T &lt;!here&gt;*');
  });

  it('classifies a 429 as rate_limited with the Retry-After delay, without retrying', async () => {
    const before = fake.callsTo('chat.postMessage').length;
    fake.fail('chat.postMessage', { rateLimited: true, retryAfter: 7 });
    expect(await poster.post('C123', digest, KEY)).toMatchObject({ ok: false, kind: 'rate_limited', retryAfterMs: 7000 });
    expect(fake.callsTo('chat.postMessage').length).toBe(before + 1);
  });

  it('classifies 5xx, dropped connections and internal errors as transient, without retrying', async () => {
    const before = fake.callsTo('chat.postMessage').length;
    fake.fail('chat.postMessage', { status: 503 });
    expect(await poster.post('C123', digest, KEY)).toMatchObject({ ok: false, kind: 'transient', message: 'HTTP 503' });
    fake.fail('chat.postMessage', { drop: true });
    expect(await poster.post('C123', digest, KEY)).toMatchObject({ ok: false, kind: 'transient' });
    fake.fail('chat.postMessage', { error: 'internal_error' });
    expect(await poster.post('C123', digest, KEY)).toMatchObject({ ok: false, kind: 'transient', message: 'internal_error' });
    expect(fake.callsTo('chat.postMessage').length).toBe(before + 3);
  });

  it.each([...PERMANENT_ERRORS])('classifies %s as permanent', async (error) => {
    fake.fail('chat.postMessage', { error });
    expect(await poster.post('C123', digest, KEY)).toEqual({ ok: false, kind: 'permanent', message: error });
  });

  it('treats a rejected token as permanent (invalid_auth)', async () => {
    const bad = new SlackPoster(createStrictClient('xoxb-revoked', { apiUrl: fake.apiUrl }), { encode: codec.encode.bind(codec) });
    expect(await bad.post('C123', digest, KEY)).toEqual({ ok: false, kind: 'permanent', message: 'invalid_auth' });
  });
});
