/** The digest poster through the real WebClient against the fake, with injected faults. */
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionCodec } from '../../../src/core/actions.js';
import { reply } from '../../../src/core/reply.js';
import { createStrictClient, CREDENTIAL_ERRORS, PAYLOAD_ERRORS, PERMANENT_ERRORS, SlackPoster } from '../../../src/platforms/slack/poster.js';
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

  it('classifies 5xx, dropped connections and internal/fatal errors as uncertain (Slack may have posted), without retrying', async () => {
    const before = fake.callsTo('chat.postMessage').length;
    fake.fail('chat.postMessage', { status: 503 });
    expect(await poster.post('C123', digest, KEY)).toMatchObject({ ok: false, kind: 'uncertain', message: 'HTTP 503' });
    fake.fail('chat.postMessage', { drop: true });
    expect(await poster.post('C123', digest, KEY)).toMatchObject({ ok: false, kind: 'uncertain' });
    fake.fail('chat.postMessage', { error: 'internal_error' });
    expect(await poster.post('C123', digest, KEY)).toMatchObject({ ok: false, kind: 'uncertain', message: 'internal_error' });
    fake.fail('chat.postMessage', { error: 'fatal_error' });
    expect(await poster.post('C123', digest, KEY)).toMatchObject({ ok: false, kind: 'uncertain', message: 'fatal_error' });
    expect(fake.callsTo('chat.postMessage').length).toBe(before + 4);
  });

  it('classifies errors where Slack surely posted nothing as transient: connection refused, service_unavailable', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const refused = new SlackPoster(createStrictClient('xoxb-good', { apiUrl: `http://127.0.0.1:${closed}/api/` }), { encode: codec.encode.bind(codec) });
    expect(await refused.post('C123', digest, KEY)).toMatchObject({ ok: false, kind: 'transient', message: expect.stringContaining('ECONNREFUSED') });
    fake.fail('chat.postMessage', { error: 'service_unavailable' });
    expect(await poster.post('C123', digest, KEY)).toEqual({ ok: false, kind: 'transient', message: 'service_unavailable' });
  });

  it.each([...PERMANENT_ERRORS])('classifies %s as permanent (the channel refuses us)', async (error) => {
    fake.fail('chat.postMessage', { error });
    expect(await poster.post('C123', digest, KEY)).toEqual({ ok: false, kind: 'permanent', message: error });
  });

  it.each([...CREDENTIAL_ERRORS])('classifies %s as fatal (our credentials, not the channel)', async (error) => {
    fake.fail('chat.postMessage', { error });
    expect(await poster.post('C123', digest, KEY)).toEqual({ ok: false, kind: 'fatal', message: error });
  });

  it.each([...PAYLOAD_ERRORS])('classifies %s as rejected (our payload)', async (error) => {
    fake.fail('chat.postMessage', { error });
    expect(await poster.post('C123', digest, KEY)).toEqual({ ok: false, kind: 'rejected', message: error });
  });

  it('the channel set is exactly the channel-specific codes; auth codes are never in it', () => {
    expect([...PERMANENT_ERRORS].sort()).toEqual(['channel_not_found', 'is_archived', 'not_in_channel', 'restricted_action']);
    for (const code of ['invalid_auth', 'token_revoked', 'not_authed', 'token_expired', 'account_inactive']) expect(CREDENTIAL_ERRORS.has(code)).toBe(true);
  });

  it('treats a rejected token as fatal (invalid_auth)', async () => {
    const bad = new SlackPoster(createStrictClient('xoxb-revoked', { apiUrl: fake.apiUrl }), { encode: codec.encode.bind(codec) });
    expect(await bad.post('C123', digest, KEY)).toEqual({ ok: false, kind: 'fatal', message: 'invalid_auth' });
  });
});

describe('SlackPoster, a digest posted as a thread', () => {
  let fake: FakeSlack;
  let poster: SlackPoster;
  const codec = new ActionCodec();
  const card = (n: number) => ({ id: `p${n}`, title: `Paper ${n}`, titleDerived: false, meta: `ID p${n}`, summary: `TL;DR: finding ${n}.`, links: [] });
  const threaded = reply('Digest: Diffusion', [
    { type: 'header', text: 'Digest: Diffusion' },
    ...[1, 2, 3].map((n) => ({ type: 'paper' as const, paper: card(n) })),
    { type: 'context', text: 'Subscription #4' },
  ]);
  const posts = () => fake.callsTo('chat.postMessage');

  beforeAll(async () => {
    fake = await startFakeSlack({ tokens: ['xoxb-good'] });
    poster = new SlackPoster(createStrictClient('xoxb-good', { apiUrl: fake.apiUrl }), { encode: codec.encode.bind(codec) });
  });
  afterAll(() => fake?.stop());
  beforeEach(() => fake.clearFaults());

  it('posts one message, then each paper as a reply in its thread', async () => {
    const before = posts().length;
    const outcome = await poster.post('C123', threaded, { idempotencyKey: 't1', thread: true });
    // The replies' ts come back too, in the channel: a reaction on one of them is a vote on its paper.
    const ts = expect.stringMatching(/^\d+\.\d{6}$/);
    expect(outcome).toEqual({ ok: true, messageId: ts, paperMessages: [1, 2, 3].map(() => ({ channelId: 'C123', messageId: ts })) });
    const calls = posts().slice(before);
    expect(calls.map((c) => c.args.thread_ts)).toEqual([undefined, ...Array(3).fill(outcome.ok ? outcome.messageId : '')]);
    expect(calls[0]!.args.text).toBe('Digest: Diffusion\n3 papers in the thread, one reply each.');
    expect(calls.slice(1).map((c) => JSON.stringify(c.args.blocks).match(/\*Paper \d\*/)?.[0])).toEqual(['*Paper 1*', '*Paper 2*', '*Paper 3*']);
  });

  it('waits out a 429 inside the thread and carries on', async () => {
    const before = posts().length;
    fake.fail('chat.postMessage', { rateLimited: true, retryAfter: 0 }, 1, 2);
    const outcome = await poster.post('C123', threaded, { idempotencyKey: 't2', thread: true });
    expect(outcome.ok).toBe(true);
    expect(posts().slice(before).map((c) => c.outcome)).toEqual(['ok', 'ok', 'ratelimited', 'ok', 'ok']);
  });

  it('never resends a reply that may have landed: the outcome is uncertain and says how far it got', async () => {
    const before = posts().length;
    fake.fail('chat.postMessage', { status: 503 }, 1, 2);
    const outcome = await poster.post('C123', threaded, { idempotencyKey: 't3', thread: true });
    expect(outcome).toMatchObject({ ok: false, kind: 'uncertain', message: expect.stringMatching(/^the digest's message was posted, but only 1 of 3 papers reached its thread/) });
    expect(posts().length - before).toBe(3);
  });
});
