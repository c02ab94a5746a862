import { afterAll, describe, expect, it } from 'vitest';
import { FakeClock, harness, subInput, tempDir } from './helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
let n = 0;
const file = () => dir.path(`ledger-${++n}.db`);
// Subscriptions created the day before, so today's 09:00 Berlin slot (08:00Z in March) belongs to them.
const created = new Date('2026-03-01T12:00:00Z');

describe('delivery ledger: no duplicate, no loss', () => {
  it('posts a due slot once; later ticks the same day post nothing', async () => {
    const h = harness(file(), FakeClock.at('2026-03-02T07:59:00Z'));
    const sub = (await h.store.subscriptions.upsert(subInput(), created)).subscription;
    expect((await h.scheduler.tick(h.clock.now())).claimed).toBe(0);
    const report = await h.scheduler.tick(h.clock.set('2026-03-02T08:00:00Z'));
    expect(report.deliveries).toMatchObject([{ subscriptionId: sub.id, slotDate: '2026-03-02', state: 'sent', attempts: 1 }]);
    for (const at of ['2026-03-02T08:01:00Z', '2026-03-02T12:00:00Z', '2026-03-02T22:59:00Z']) {
      expect((await h.scheduler.tick(h.clock.set(at))).claimed).toBe(0);
    }
    expect(h.poster.posted).toHaveLength(1);
    expect(h.poster.posted[0]!.key).toBe(`d${sub.id}-2026-03-02`);
    expect(h.poster.posted[0]!.reply.text).toMatch(/^Digest: Diffusion models/);
    expect(await h.store.deliveries.get({ subscriptionId: sub.id, slotDate: '2026-03-02' })).toMatchObject({ state: 'sent', messageId: 'm1' });
    expect((await h.store.history.postedIds(sub)).size).toBe(3);
    h.store.close();
  });

  it('restart after a post: reopening the file and catching up posts nothing again', async () => {
    const path = file();
    const first = harness(path, FakeClock.at('2026-03-02T08:00:00Z'));
    (await first.store.subscriptions.upsert(subInput(), created));
    await first.scheduler.tick(first.clock.now());
    await first.scheduler.stop();
    first.store.close();
    const second = harness(path, FakeClock.at('2026-03-02T08:05:00Z'));
    const report = await second.scheduler.catchUp(second.clock.now());
    expect(report).toMatchObject({ claimed: 0, skipped: 0, uncertain: 0 });
    expect(second.poster.calls).toHaveLength(0);
    second.store.close();
  });

  it('the next day posts new papers, never the ones already posted to the channel', async () => {
    const h = harness(file(), FakeClock.at('2026-03-02T08:00:00Z'));
    (await h.store.subscriptions.upsert(subInput(), created));
    await h.scheduler.tick(h.clock.now());
    await h.scheduler.tick(h.clock.set('2026-03-03T08:00:00Z'));
    const ids = h.poster.posted.map((p) => p.reply.blocks.flatMap((b) => (b.type === 'paper' ? [b.paper.id] : [])));
    expect(ids).toHaveLength(2);
    expect(ids[1]!.filter((id) => ids[0]!.includes(id))).toEqual([]);
    h.store.close();
  });

  it('crash after claiming, before sending: the slot is sent at restart', async () => {
    const path = file();
    const before = harness(path, FakeClock.at('2026-03-02T08:00:00Z'));
    const sub = (await before.store.subscriptions.upsert(subInput(), created)).subscription;
    (await before.store.deliveries.claim({ subscriptionId: sub.id, slotDate: '2026-03-02' }, new Date('2026-03-02T08:00:00Z'), before.clock.now()));
    before.store.close();
    const after = harness(path, FakeClock.at('2026-03-02T08:20:00Z'));
    const report = await after.scheduler.catchUp(after.clock.now());
    expect(report.deliveries).toMatchObject([{ slotDate: '2026-03-02', state: 'sent' }]);
    expect(after.poster.posted).toHaveLength(1);
    expect((await after.scheduler.tick(after.clock.advance(60_000))).claimed).toBe(0);
    expect(after.poster.calls).toHaveLength(1);
    after.store.close();
  });

  it('crash while sending: the slot is marked uncertain and not resent (at-most-once)', async () => {
    const path = file();
    const before = harness(path, FakeClock.at('2026-03-02T08:00:00Z'));
    const sub = (await before.store.subscriptions.upsert(subInput(), created)).subscription;
    const slot = { subscriptionId: sub.id, slotDate: '2026-03-02' };
    (await before.store.deliveries.claim(slot, new Date('2026-03-02T08:00:00Z'), before.clock.now()));
    (await before.store.deliveries.transition(slot, ['claimed'], 'sending', before.clock.now(), { attempt: true }));
    before.store.close();
    const after = harness(path, FakeClock.at('2026-03-02T08:03:00Z'));
    const report = await after.scheduler.catchUp(after.clock.now());
    expect(report.uncertain).toBe(1);
    expect(after.poster.calls).toHaveLength(0);
    expect(await after.store.deliveries.get(slot)).toMatchObject({ state: 'uncertain', attempts: 1 });
    expect((await after.store.deliveries.get(slot))!.error).toMatch(/not resent/);
    after.store.close();
  });

  it('a slot missed while down is posted at start within the grace period, else skipped', async () => {
    const path = file();
    const setup = harness(path, FakeClock.at('2026-03-01T12:00:00Z'));
    const early = (await setup.store.subscriptions.upsert(subInput({ channelId: 'early', time: '06:00' }), created)).subscription;
    const late = (await setup.store.subscriptions.upsert(subInput({ channelId: 'late', time: '09:30' }), created)).subscription;
    setup.store.close();
    // Down until 10:45 Berlin: 06:00 is 4 h 45 min late (skipped), 09:30 is 75 min late (posted).
    const h = harness(path, FakeClock.at('2026-03-02T09:45:00Z'), { graceMinutes: 120 });
    const report = await h.scheduler.start();
    expect(report).toEqual({ claimed: 1, skipped: 1, uncertain: 0 });
    // start() does not wait for the catch-up posts; idle() does.
    await h.scheduler.idle();
    expect(h.poster.posted.map((p) => p.channelId)).toEqual(['late']);
    expect(await h.store.deliveries.get({ subscriptionId: early.id, slotDate: '2026-03-02' })).toMatchObject({ state: 'skipped' });
    expect(await h.store.deliveries.get({ subscriptionId: late.id, slotDate: '2026-03-02' })).toMatchObject({ state: 'sent' });
    await h.scheduler.stop();
    h.store.close();
  });

  it('a new subscription does not post a slot whose time passed before it was created', async () => {
    const h = harness(file(), FakeClock.at('2026-03-02T09:00:00Z'));
    (await h.store.subscriptions.upsert(subInput({ time: '09:30' }), h.clock.now())); // 10:00 Berlin, 30 min after 09:30
    expect((await h.scheduler.tick(h.clock.now())).claimed).toBe(0);
    expect((await h.scheduler.tick(h.clock.set('2026-03-03T08:30:00Z'))).claimed).toBe(1);
    h.store.close();
  });

  it('two racing ticks, and two schedulers on the same file, post each slot once', async () => {
    const path = file();
    const a = harness(path, FakeClock.at('2026-03-02T08:00:00Z'));
    for (let i = 0; i < 20; i++) (await a.store.subscriptions.upsert(subInput({ channelId: `c${i}` }), created));
    const b = harness(path, FakeClock.at('2026-03-02T08:00:00Z'));
    const reports = await Promise.all([a.scheduler.tick(), a.scheduler.tick(), b.scheduler.tick(), b.scheduler.catchUp()]);
    const sent = reports.flatMap((r) => r.deliveries).filter((d) => d.state === 'sent');
    expect(sent).toHaveLength(20);
    const posted = [...a.poster.posted, ...b.poster.posted].map((p) => p.channelId).sort();
    expect(posted).toEqual(Array.from({ length: 20 }, (_, i) => `c${i}`).sort());
    a.store.close();
    b.store.close();
  });
});

describe('DST with a fake clock ticking every minute', () => {
  async function runMinutes(h: ReturnType<typeof harness>, fromIso: string, toIso: string): Promise<string[]> {
    const postedAt: string[] = [];
    for (let t = Date.parse(fromIso); t <= Date.parse(toIso); t += 60_000) {
      const report = await h.scheduler.tick(h.clock.set(new Date(t).toISOString()));
      for (const d of report.deliveries) if (d.state === 'sent') postedAt.push(`${new Date(t).toISOString()} ${d.slotDate}`);
    }
    return postedAt;
  }

  it('Europe/Berlin spring forward: 02:30 posts once at 03:00 CEST', async () => {
    const h = harness(file(), FakeClock.at('2026-03-28T00:00:00Z'));
    (await h.store.subscriptions.upsert(subInput({ time: '02:30' }), new Date('2026-03-27T00:00:00Z')));
    const posts = await runMinutes(h, '2026-03-28T23:00:00Z', '2026-03-29T04:00:00Z');
    expect(posts).toEqual(['2026-03-29T01:00:00.000Z 2026-03-29']);
    h.store.close();
  });

  it('Europe/Berlin fall back: 02:30 posts once, at its first occurrence', async () => {
    const h = harness(file(), FakeClock.at('2026-10-24T00:00:00Z'));
    (await h.store.subscriptions.upsert(subInput({ time: '02:30' }), new Date('2026-10-24T00:00:00Z')));
    const posts = await runMinutes(h, '2026-10-24T22:00:00Z', '2026-10-25T04:00:00Z');
    expect(posts).toEqual(['2026-10-25T00:30:00.000Z 2026-10-25']);
    h.store.close();
  });

  it('America/New_York across both 2026 transitions: one post per day at local 09:00', async () => {
    const h = harness(file(), FakeClock.at('2026-03-06T00:00:00Z'));
    (await h.store.subscriptions.upsert(subInput({ timezone: 'America/New_York', time: '09:00' }), new Date('2026-03-06T00:00:00Z')));
    const spring = await runMinutes(h, '2026-03-07T13:00:00Z', '2026-03-08T15:00:00Z');
    expect(spring).toEqual(['2026-03-07T14:00:00.000Z 2026-03-07', '2026-03-08T13:00:00.000Z 2026-03-08']);
    const fall = await runMinutes(h, '2026-10-31T12:00:00Z', '2026-11-01T15:00:00Z');
    expect(fall).toEqual(['2026-10-31T13:00:00.000Z 2026-10-31', '2026-11-01T14:00:00.000Z 2026-11-01']);
    h.store.close();
  });
});
