import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reply } from '../../../src/core/reply.js';
import { DiscordPoster, nonceFor } from '../../../src/platforms/discord/index.js';
import { faults, startFakeDiscord, type FakeDiscord } from '../../fakes/discord/index.js';
import { encoder } from './helpers.js';

const digest = reply('Digest: Diffusion', [
  { type: 'header', text: 'Digest: Diffusion' },
  { type: 'text', text: 'Hello @everyone <@123>' },
], [{ label: 'Search this topic', action: { command: 'search', args: { query: 'diffusion' } } }]);
const POST = /^\/channels\/\d+\/messages$/;

let fake: FakeDiscord;
const posters: DiscordPoster[] = [];
/** A fresh poster per test: a 429 leaves the REST client's bucket waiting, as it should. */
function poster(token = fake.token, timeoutMs?: number): DiscordPoster {
  const made = new DiscordPoster({ token, apiUrl: fake.apiUrl, encodeAction: encoder(), ...(timeoutMs ? { timeoutMs } : {}) });
  posters.push(made);
  return made;
}
const channel = () => fake.channelIds[1]!;
const postsSoFar = () => fake.callsTo('POST', POST).length;

beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterEach(() => {
  fake.clearFaults();
  posters.splice(0).forEach((p) => p.close());
});
afterAll(() => fake.stop());

describe('GIVEN a channel that accepts the post', () => {
  it('THEN it POSTs the rendered message with a nonce, enforce_nonce and no pings', async () => {
    const outcome = await poster().post(channel(), digest, { idempotencyKey: 'sub-1:2025-01-02' });
    const call = fake.calls.at(-1)!;
    expect(call).toMatchObject({ method: 'POST', path: `/channels/${channel()}/messages`, authorized: true, status: 200 });
    expect(call.body).toMatchObject({ nonce: nonceFor('sub-1:2025-01-02'), enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect((call.body as { flags?: number }).flags).toBeUndefined();
    expect(nonceFor('sub-1:2025-01-02').length).toBeLessThanOrEqual(25);
    expect(outcome).toEqual({ ok: true, messageId: (call.response as { id: string }).id });
  });

  it('THEN a repeat of the same slot returns the same message (Discord drops it by nonce)', async () => {
    const first = await poster().post(channel(), digest, { idempotencyKey: 'sub-2:2025-01-02' });
    const again = await poster().post(channel(), digest, { idempotencyKey: 'sub-2:2025-01-02' });
    expect(again).toEqual(first);
  });
});

describe('GIVEN Discord refuses the post', () => {
  it('THEN 429 is rate_limited with Discord’s wait, and is not retried by the REST client', async () => {
    fake.injectFault({ method: 'POST', path: POST, ...faults.rateLimited(1.5) });
    const before = postsSoFar();
    const outcome = await poster().post(channel(), digest, { idempotencyKey: 'k429' });
    expect(outcome).toMatchObject({ ok: false, kind: 'rate_limited' });
    expect(outcome.ok === false && outcome.kind === 'rate_limited' && outcome.retryAfterMs).toBeGreaterThanOrEqual(1500);
    expect(outcome.ok === false && outcome.kind === 'rate_limited' && outcome.retryAfterMs).toBeLessThan(3000);
    expect(postsSoFar() - before).toBe(1);
  });

  it('THEN a global 429 is rate_limited too', async () => {
    fake.injectFault({ method: 'POST', path: POST, ...faults.rateLimited(2, { global: true }) });
    const outcome = await poster().post(channel(), digest, { idempotencyKey: 'kglobal' });
    expect(outcome).toMatchObject({ ok: false, kind: 'rate_limited', message: expect.stringContaining('global') });
  });

  it.each([500, 502, 503])('THEN %i is transient, tried once', async (status) => {
    fake.injectFault({ method: 'POST', path: POST, ...faults.serverError(status) });
    const before = postsSoFar();
    expect(await poster().post(channel(), digest, { idempotencyKey: `k${status}` })).toMatchObject({ ok: false, kind: 'transient' });
    expect(postsSoFar() - before).toBe(1);
  });

  it('THEN a timeout is transient', async () => {
    fake.injectFault({ method: 'POST', path: POST, ...faults.hang() });
    expect(await poster(fake.token, 200).post(channel(), digest, { idempotencyKey: 'khang' })).toMatchObject({ ok: false, kind: 'transient' });
  });

  it.each([
    ['Unknown Channel', faults.unknownChannel(), '404 10003'],
    ['Missing Access', faults.missingAccess(), '403 50001'],
    ['Missing Permissions', faults.missingPermissions(), '403 50013'],
  ])('THEN %s is permanent', async (_name, fault, code) => {
    fake.injectFault({ method: 'POST', path: POST, ...fault });
    const outcome = await poster().post(channel(), digest, { idempotencyKey: 'kperm' });
    expect(outcome).toMatchObject({ ok: false, kind: 'permanent', message: expect.stringContaining(code) });
  });

  it('THEN a channel that does not exist is permanent (the fake answers 10003 itself)', async () => {
    expect(await poster().post('999999999999999999', digest, { idempotencyKey: 'kmissing' })).toMatchObject({ ok: false, kind: 'permanent' });
  });

  it('THEN a 404 that does not name the channel is rejected, not a reason to pause it', async () => {
    fake.injectFault({ method: 'POST', path: POST, status: 404, body: { message: 'Unknown Message', code: 10008 } });
    expect(await poster().post(channel(), digest, { idempotencyKey: 'k404' })).toMatchObject({ ok: false, kind: 'rejected', message: expect.stringContaining('404 10008') });
  });

  it('THEN a 400 Invalid Form Body is rejected (our payload): neither retried nor a reason to pause the channel', async () => {
    fake.injectFault({ method: 'POST', path: POST, status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    const before = postsSoFar();
    expect(await poster().post(channel(), digest, { idempotencyKey: 'k400' })).toMatchObject({ ok: false, kind: 'rejected', message: expect.stringContaining('400 50035') });
    expect(postsSoFar() - before).toBe(1);
  });

  it('THEN a 401 is fatal (configuration, not the channel) and later posts stop without another request', async () => {
    const bad = poster('not-the-token');
    expect(await bad.post(channel(), digest, { idempotencyKey: 'k401' })).toMatchObject({ ok: false, kind: 'fatal', message: expect.stringContaining('401') });
    const before = fake.calls.length;
    expect(await bad.post(channel(), digest, { idempotencyKey: 'k401b' })).toMatchObject({ ok: false, kind: 'fatal' });
    expect(fake.calls.length).toBe(before);
  });
});

describe('GIVEN a digest posted as a thread', () => {
  const card = (n: number) => ({ id: `p${n}`, title: `Paper ${n}`, titleDerived: false, meta: `ID p${n}`, summary: `TL;DR: finding ${n}.`, links: [] });
  const threaded = reply('Digest: Diffusion', [
    { type: 'header', text: 'Digest: Diffusion' },
    { type: 'context', text: 'Denoising generative models.' },
    ...[1, 2, 3].map((n) => ({ type: 'paper' as const, paper: card(n) })),
    { type: 'context', text: 'Subscription #4' },
  ]);
  const threadPath = /^\/channels\/\d+\/messages\/\d+\/threads$/;
  const messagesIn = (id: string) => [...fake.messages.values()].filter((m) => m.channel_id === id);

  it('THEN one message goes to the channel, a thread named after the digest opens on it, and each paper is a reply there', async () => {
    const outcome = await poster().post(channel(), threaded, { idempotencyKey: 'thread-1', thread: true });
    expect(outcome.ok).toBe(true);
    const parentId = outcome.ok ? outcome.messageId! : '';
    const parent = fake.messages.get(parentId)!;
    expect(parent.channel_id).toBe(channel());
    expect(JSON.stringify(parent.embeds)).toContain('3 papers in the thread, one reply each.');
    expect(JSON.stringify(parent.embeds)).not.toContain('Paper 1');
    expect(fake.threads.get(parentId)).toMatchObject({ parent_id: channel(), name: 'Digest: Diffusion' });
    const replies = messagesIn(parentId);
    expect(replies.map((m) => (m.embeds as { title?: string }[])[0]!.title)).toEqual(['Paper 1', 'Paper 2', 'Paper 3']);
  });

  it('THEN a paper that fails with a 5xx is resent under the same nonce, and lands once', async () => {
    const parentPosts = postsSoFar();
    // The message and paper 1 go through; paper 2 fails once.
    fake.injectFault({ method: 'POST', path: POST, after: 2, ...faults.serverError(503) });
    const outcome = await poster().post(channel(), threaded, { idempotencyKey: 'thread-2', thread: true });
    expect(outcome.ok).toBe(true);
    const parentId = outcome.ok ? outcome.messageId! : '';
    expect(postsSoFar() - parentPosts).toBe(5);
    expect(messagesIn(parentId).map((m) => (m.embeds as { title?: string }[])[0]!.title)).toEqual(['Paper 1', 'Paper 2', 'Paper 3']);
  });

  it('THEN a thread the bot may not start leaves the slot uncertain, saying so, and posts no paper', async () => {
    fake.injectFault({ method: 'POST', path: threadPath, ...faults.missingPermissions() });
    const outcome = await poster().post(channel(), threaded, { idempotencyKey: 'thread-3', thread: true });
    expect(outcome).toMatchObject({ ok: false, kind: 'uncertain' });
    expect(!outcome.ok && outcome.message).toMatch(/^the digest's message was posted, but its thread could not be started \(403 50013/);
  });

  it('THEN a digest with no papers is one plain message, without a thread', async () => {
    const threads = fake.threads.size;
    const outcome = await poster().post(channel(), reply('Nothing new', [{ type: 'header', text: 'New on Diffusion' }, { type: 'text', text: 'Nothing new.' }]), { idempotencyKey: 'thread-4', thread: true });
    expect(outcome.ok).toBe(true);
    expect(fake.threads.size).toBe(threads);
  });
});
