/**
 * The storage contract: what every engine behind the ports in src/store/types.ts must do. Each
 * engine's test file calls `storeContract` with a function that opens a fresh, empty store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DELIVERY_STATES, IllegalTransition, TRANSITIONS, type DeliveryState } from '../../src/core/delivery-state.js';
import type { Paper } from '../../src/corpus/paper.js';
import { titleKey } from '../../src/corpus/title-key.js';
import type { SlotKey, Store } from '../../src/store/types.js';
import { channelList, userList } from '../../src/core/reading-list.js';
import { subInput } from '../scheduler/helpers.js';

const t0 = new Date('2026-03-02T08:00:00Z');
const t1 = new Date('2026-03-02T09:00:00Z');

/** Shortest way from `claimed` to each state, through the machine's own transitions. */
const PATHS: Record<DeliveryState, DeliveryState[]> = {
  claimed: [],
  sending: ['sending'],
  sent: ['sending', 'sent'],
  uncertain: ['sending', 'uncertain'],
  failed: ['failed'],
  paused: ['sending', 'paused'],
  skipped: ['skipped'],
};

export function storeContract(engine: string, open: () => Promise<Store>): void {
  describe(`${engine} store: the storage contract`, () => {
    const opened: Store[] = [];
    const fresh = async () => {
      const store = await open();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    /** A slot of a new subscription, driven along `path` from `claimed`. */
    async function slotIn(store: Store, state: DeliveryState, channelId = `c-${state}`): Promise<SlotKey> {
      const { subscription } = await store.subscriptions.upsert(subInput({ channelId }), t0);
      const slot = { subscriptionId: subscription.id, slotDate: '2026-03-02' };
      expect(await store.deliveries.claim(slot, t0, t0)).toBe(true);
      let from: DeliveryState = 'claimed';
      for (const to of PATHS[state]) {
        const ok = to === 'sent' ? await store.deliveries.complete(slot, subscription, ['p1'], t1) : await store.deliveries.transition(slot, [from], to, t1);
        expect(ok).toBe(true);
        from = to;
      }
      expect((await store.deliveries.get(slot))?.state).toBe(state);
      return slot;
    }

    describe('subscriptions', () => {
      it('upsert creates, then updates the same channel and topic (ignoring case and spacing), lifting a pause', async () => {
        const store = await fresh();
        const first = await store.subscriptions.upsert(subInput({ topic: 'Diffusion  Models', days: [5, 1, 3] }), t0);
        expect(first).toMatchObject({ created: true, wasPaused: false, subscription: { topic: 'Diffusion  Models', days: [1, 3, 5], count: 3 } });
        await store.subscriptions.pause(first.subscription.id, 'gone', t0);
        expect(await store.subscriptions.listActive()).toEqual([]);
        const again = await store.subscriptions.upsert(subInput({ topic: 'diffusion models', time: '07:15', count: 5 }), t1);
        expect(again).toMatchObject({ created: false, wasPaused: true, subscription: { id: first.subscription.id, time: '07:15', count: 5 } });
        expect(again.subscription.pausedReason).toBeUndefined();
        expect(again.subscription.scheduleFrom.toISOString()).toBe(t1.toISOString());
        expect((await store.subscriptions.listActive()).map((s) => s.id)).toEqual([first.subscription.id]);
      });

      it('keeps how a digest is made and posted: mode, the quiet-day line, a thread', async () => {
        const store = await fresh();
        const { subscription } = await store.subscriptions.upsert(subInput({ mode: 'new', emptyNote: true, thread: true }), t0);
        expect(await store.subscriptions.get(subscription.id)).toMatchObject({ mode: 'new', emptyNote: true, thread: true });
        // Subscribing again without them turns them off.
        await store.subscriptions.upsert(subInput({ mode: 'best' }), t1);
        const again = await store.subscriptions.get(subscription.id);
        expect(again).toMatchObject({ mode: 'best' });
        expect(again?.emptyNote).toBeUndefined();
        expect(again?.thread).toBeUndefined();
      });

      it('keeps channels apart, per platform', async () => {
        const store = await fresh();
        const a = (await store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'C1' }), t0)).subscription;
        await store.subscriptions.upsert(subInput({ platform: 'discord', channelId: 'C1' }), t0);
        await store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'C1', topic: 'vae' }), t0);
        expect((await store.subscriptions.listChannel({ platform: 'slack', channelId: 'C1' })).map((s) => s.topic)).toEqual(['diffusion', 'vae']);
        expect(await store.subscriptions.get(a.id)).toMatchObject({ platform: 'slack', channelId: 'C1' });
        expect((await store.subscriptions.get(a.id))?.workspaceId).toBeUndefined();
        expect(await store.subscriptions.removeChannel({ platform: 'slack', channelId: 'C1' })).toBe(2);
        expect(await store.subscriptions.listChannel({ platform: 'discord', channelId: 'C1' })).toHaveLength(1);
      });

      it('lists a workspace\'s subscriptions across its channels, and no other workspace\'s', async () => {
        const store = await fresh();
        await store.subscriptions.upsert(subInput({ platform: 'slack', workspaceId: 'T1', channelId: 'C2' }), t0);
        await store.subscriptions.upsert(subInput({ platform: 'slack', workspaceId: 'T1', channelId: 'C1', topic: 'vae' }), t0);
        await store.subscriptions.upsert(subInput({ platform: 'slack', workspaceId: 'T2', channelId: 'C9' }), t0);
        await store.subscriptions.upsert(subInput({ platform: 'discord', workspaceId: 'T1', channelId: 'C3' }), t0);
        expect((await store.subscriptions.listWorkspace('slack', 'T1')).map((s) => [s.channelId, s.topic])).toEqual([
          ['C1', 'vae'],
          ['C2', 'diffusion'],
        ]);
      });

      it('remove takes the ledger rows with it; pause and resume report what changed', async () => {
        const store = await fresh();
        const slot = await slotIn(store, 'claimed');
        expect(await store.subscriptions.resume(slot.subscriptionId, t1)).toBe(false);
        await store.subscriptions.pause(slot.subscriptionId, 'Posting failed: gone', t1);
        expect(await store.subscriptions.get(slot.subscriptionId)).toMatchObject({ pausedReason: 'Posting failed: gone', pausedAt: t1 });
        expect(await store.subscriptions.resume(slot.subscriptionId, t1)).toBe(true);
        expect(await store.subscriptions.remove(slot.subscriptionId)).toBe(true);
        expect(await store.subscriptions.remove(slot.subscriptionId)).toBe(false);
        expect(await store.deliveries.get(slot)).toBeUndefined();
        expect(await store.subscriptions.get(slot.subscriptionId)).toBeUndefined();
      });
    });

    describe('the delivery ledger', () => {
      it('claims a slot once, and a claimed slot cannot be skipped', async () => {
        const store = await fresh();
        const { subscription } = await store.subscriptions.upsert(subInput(), t0);
        const slot = { subscriptionId: subscription.id, slotDate: '2026-03-02' };
        const wins = await Promise.all([1, 2, 3, 4].map(() => store.deliveries.claim(slot, t0, t0)));
        expect(wins.filter(Boolean)).toHaveLength(1);
        expect(await store.deliveries.skip(slot, t0, 'late', t0)).toBe(false);
        expect(await store.deliveries.get(slot)).toMatchObject({ state: 'claimed', attempts: 0, dueAt: t0 });
        expect(await store.deliveries.open()).toMatchObject([{ ...slot, state: 'claimed' }]);
        expect(await store.deliveries.keysSince('2026-03-02')).toEqual(new Set([`${subscription.id}|2026-03-02`]));
        expect((await store.deliveries.keysSince('2026-03-03')).size).toBe(0);
      });

      it('skip creates a settled slot with its reason', async () => {
        const store = await fresh();
        const { subscription } = await store.subscriptions.upsert(subInput(), t0);
        const slot = { subscriptionId: subscription.id, slotDate: '2026-03-01' };
        expect(await store.deliveries.skip(slot, t0, 'missed by more than the grace period', t1)).toBe(true);
        expect(await store.deliveries.get(slot)).toMatchObject({ state: 'skipped', error: 'missed by more than the grace period' });
        expect(await store.deliveries.open()).toEqual([]);
      });

      it('complete marks the slot sent and records its papers in the channel history, only from sending', async () => {
        const store = await fresh();
        const { subscription: sub } = await store.subscriptions.upsert(subInput(), t0);
        const slot = { subscriptionId: sub.id, slotDate: '2026-03-02' };
        await store.deliveries.claim(slot, t0, t0);
        expect(await store.deliveries.complete(slot, sub, ['p1'], t1)).toBe(false);
        expect((await store.history.postedIds(sub)).size).toBe(0);
        expect(await store.deliveries.transition(slot, ['claimed'], 'sending', t1, { attempt: true })).toBe(true);
        expect(await store.deliveries.transition(slot, ['sending'], 'sending', t1, { attempt: true })).toBe(true);
        expect(await store.deliveries.complete(slot, sub, ['p1', 'p2'], t1, 'msg-9')).toBe(true);
        expect(await store.deliveries.complete(slot, sub, ['p3'], t1)).toBe(false);
        expect(await store.deliveries.get(slot)).toMatchObject({ state: 'sent', attempts: 2, messageId: 'msg-9' });
        expect([...(await store.history.postedIds(sub))].sort()).toEqual(['p1', 'p2']);
      });

      it('a transition keeps the first error and message id, and counts attempts only when asked', async () => {
        const store = await fresh();
        const slot = await slotIn(store, 'claimed');
        await store.deliveries.transition(slot, ['claimed'], 'sending', t1, { attempt: true, messageId: 'm1' });
        await store.deliveries.transition(slot, ['sending'], 'failed', t1, { error: 'rejected: 400' });
        expect(await store.deliveries.get(slot)).toMatchObject({ state: 'failed', attempts: 1, messageId: 'm1', error: 'rejected: 400', updatedAt: t1 });
      });

      const allowed = DELIVERY_STATES.flatMap((from) => TRANSITIONS[from].map((to) => [from, to] as const));
      const forbidden = DELIVERY_STATES.flatMap((from) => DELIVERY_STATES.filter((to) => !TRANSITIONS[from].includes(to)).map((to) => [from, to] as const));

      it.each(allowed)('%s → %s is allowed, once, as a compare-and-set', async (from, to) => {
        const store = await fresh();
        const slot = await slotIn(store, from);
        expect(await store.deliveries.transition(slot, [from], to, t1)).toBe(true);
        expect((await store.deliveries.get(slot))?.state).toBe(to);
        // A racer that still believes the slot is in `from` loses, unless it stayed there.
        if (to !== from) expect(await store.deliveries.transition(slot, [from], to, t1)).toBe(false);
      });

      it.each(forbidden)('%s → %s is refused and changes nothing', async (from, to) => {
        const store = await fresh();
        const slot = await slotIn(store, from);
        await expect(store.deliveries.transition(slot, [from], to, t1)).rejects.toThrow(IllegalTransition);
        expect((await store.deliveries.get(slot))?.state).toBe(from);
      });

      it('lastDelivered is when the last digest that went out (or may have) was due, never a failed one', async () => {
        const store = await fresh();
        const { subscription: sub } = await store.subscriptions.upsert(subInput({ mode: 'new' }), t0);
        expect(sub.mode).toBe('new');
        expect(await store.deliveries.lastDelivered(sub.id)).toBeUndefined();
        const day = (slotDate: string) => ({ subscriptionId: sub.id, slotDate });
        await store.deliveries.claim(day('2026-03-01'), t0, t0);
        await store.deliveries.transition(day('2026-03-01'), ['claimed'], 'sending', t0);
        // Sent an hour after it was due (a slow fan-out): the due time counts.
        await store.deliveries.complete(day('2026-03-01'), sub, ['p1'], t1);
        await store.deliveries.claim(day('2026-03-02'), t1, t1);
        await store.deliveries.transition(day('2026-03-02'), ['claimed'], 'sending', t1);
        await store.deliveries.transition(day('2026-03-02'), ['sending'], 'failed', t1);
        expect(await store.deliveries.lastDelivered(sub.id)).toEqual(t0);
        const t2 = new Date('2026-03-03T09:00:00Z');
        await store.deliveries.claim(day('2026-03-03'), t2, t2);
        await store.deliveries.transition(day('2026-03-03'), ['claimed'], 'sending', t2);
        await store.deliveries.transition(day('2026-03-03'), ['sending'], 'uncertain', new Date('2026-03-03T10:00:00Z'));
        expect(await store.deliveries.lastDelivered(sub.id)).toEqual(t2);
      });

      it('a slot that ends uncertain puts the papers it was sending into the channel history', async () => {
        const store = await fresh();
        const { subscription: sub } = await store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'CU' }), t0);
        const slot = { subscriptionId: sub.id, slotDate: '2026-03-02' };
        await store.deliveries.claim(slot, t0, t0);
        await store.deliveries.transition(slot, ['claimed'], 'sending', t0, { attempt: true, paperIds: ['p1', 'p2'] });
        expect((await store.history.postedIds(sub)).size).toBe(0);
        expect(await store.deliveries.transition(slot, ['sending'], 'uncertain', t1, { error: 'timeout' })).toBe(true);
        expect([...(await store.history.postedIds(sub))].sort()).toEqual(['p1', 'p2']);
        expect(await store.deliveries.latest(sub.id)).toMatchObject({ slotDate: '2026-03-02', state: 'uncertain', error: 'timeout' });
      });

      it('a claim records its owner; adopt moves a claimed slot to a new owner once, by compare-and-set', async () => {
        const store = await fresh();
        const { subscription } = await store.subscriptions.upsert(subInput(), t0);
        const slot = { subscriptionId: subscription.id, slotDate: '2026-03-02' };
        expect(await store.deliveries.claim(slot, t0, t0, 'replica-a')).toBe(true);
        expect(await store.deliveries.get(slot)).toMatchObject({ state: 'claimed', owner: 'replica-a' });
        // Two survivors racing to take it over: one wins.
        const takers = await Promise.all(['replica-b', 'replica-c'].map((to) => store.deliveries.adopt(slot, 'replica-a', to, t1)));
        expect(takers.filter(Boolean)).toHaveLength(1);
        const owner = takers[0] ? 'replica-b' : 'replica-c';
        expect(await store.deliveries.open()).toMatchObject([{ ...slot, state: 'claimed', owner, updatedAt: t1 }]);
        // Only a claimed slot changes hands: one being sent stays with its sender.
        await store.deliveries.transition(slot, ['claimed'], 'sending', t1);
        expect(await store.deliveries.adopt(slot, owner, 'replica-a', t1)).toBe(false);
        expect((await store.deliveries.get(slot))?.owner).toBe(owner);
      });

      it('a slot claimed without an owner has none, and can be adopted from none', async () => {
        const store = await fresh();
        const slot = await slotIn(store, 'claimed');
        expect((await store.deliveries.get(slot))?.owner).toBeUndefined();
        expect(await store.deliveries.adopt(slot, 'someone', 'replica-a', t1)).toBe(false);
        expect(await store.deliveries.adopt(slot, undefined, 'replica-a', t1)).toBe(true);
        expect((await store.deliveries.get(slot))?.owner).toBe('replica-a');
      });

      it('open lists claimed and sending slots, oldest first', async () => {
        const store = await fresh();
        const sending = await slotIn(store, 'sending', 'a');
        await slotIn(store, 'sent', 'b');
        const claimed = await slotIn(store, 'claimed', 'c');
        expect((await store.deliveries.open()).map((d) => [d.subscriptionId, d.state])).toEqual([
          [sending.subscriptionId, 'sending'],
          [claimed.subscriptionId, 'claimed'],
        ]);
      });
    });

    describe('channel history', () => {
      it('records papers once per channel and keeps channels apart', async () => {
        const store = await fresh();
        const a = { platform: 'slack', channelId: 'C1' };
        await store.history.record(a, ['p1', 'p2'], t0);
        await store.history.record(a, ['p2', 'p3'], t1);
        expect([...(await store.history.postedIds(a))].sort()).toEqual(['p1', 'p2', 'p3']);
        expect((await store.history.postedIds({ platform: 'discord', channelId: 'C1' })).size).toBe(0);
      });
    });

    describe('papers', () => {
      const paper = (id: string, fields: Partial<Paper> = {}): Paper => ({
        id,
        title: `Paper ${id}`,
        titleDerived: false,
        abstract: `Abstract of ${id}.`,
        links: [],
        sources: ['hf'],
        ...fields,
      });

      it('saves a batch, finds papers by id, arXiv id and title key, and replaces a record by id', async () => {
        const store = await fresh();
        await store.papers.save([paper('pa', { arxivId: '2611.00001', firstSeen: t0.toISOString() }), paper('pb', { title: 'Équivariant  Nets!' })], t0);
        expect(await store.papers.count()).toBe(2);
        expect(await store.papers.get('pa')).toEqual(paper('pa', { arxivId: '2611.00001', firstSeen: t0.toISOString() }));
        expect((await store.papers.byArxivId('2611.00001'))?.id).toBe('pa');
        expect(await store.papers.byArxivId('2611.99999')).toBeUndefined();
        expect((await store.papers.byTitleKey(titleKey('equivariant nets'))).map((p) => p.id)).toEqual(['pb']);
        await store.papers.save([paper('pa', { arxivId: '2611.00001', upvotes: 9, firstSeen: t0.toISOString() })], t1);
        expect(await store.papers.count()).toBe(2);
        expect((await store.papers.get('pa'))?.upvotes).toBe(9);
        expect((await store.papers.all()).map((p) => p.id)).toEqual(['pa', 'pb']);
      });

      it('a batch is all or nothing: a clash on the arXiv id stores none of it', async () => {
        const store = await fresh();
        await store.papers.save([paper('pa', { arxivId: '2611.00001' })], t0);
        await expect(store.papers.save([paper('pc'), paper('pd', { arxivId: '2611.00001' })], t1)).rejects.toThrow();
        expect((await store.papers.all()).map((p) => p.id)).toEqual(['pa']);
      });

      it('a paper twice in one batch keeps its last record and its first first-seen time', async () => {
        const store = await fresh();
        const between = new Date((t0.getTime() + t1.getTime()) / 2).toISOString();
        await store.papers.save([paper('pa', { upvotes: 1, firstSeen: t0.toISOString() }), paper('pb', { firstSeen: between }), paper('pa', { upvotes: 2, firstSeen: t1.toISOString() })], t1);
        expect((await store.papers.get('pa'))?.upvotes).toBe(2);
        expect((await store.papers.all()).map((p) => p.id)).toEqual(['pa', 'pb']);
      });

      it('numbers each saved batch: changedSince returns what was saved after a change, in order', async () => {
        const store = await fresh();
        expect(await store.papers.lastChange()).toBe(0);
        expect(await store.papers.changedSince(0)).toEqual({ papers: [], change: 0 });
        await store.papers.save([paper('pb'), paper('pa')], t0);
        const first = await store.papers.lastChange();
        expect(first).toBeGreaterThan(0);
        await store.papers.save([paper('pc'), paper('pa', { upvotes: 3 })], t1);
        const all = await store.papers.changedSince(0);
        expect(all.papers.map((p) => [p.id, p.upvotes])).toEqual([
          ['pb', undefined],
          ['pa', 3],
          ['pc', undefined],
        ]);
        expect(all.change).toBe(await store.papers.lastChange());
        const later = await store.papers.changedSince(first);
        expect(later.papers.map((p) => p.id)).toEqual(['pa', 'pc']);
        expect(await store.papers.changedSince(later.change)).toEqual({ papers: [], change: later.change });
      });

      it('records each source: successes add up, the last error is kept', async () => {
        const store = await fresh();
        expect(await store.papers.sourceStatus()).toEqual([]);
        await store.papers.recordFetch('hf', { ok: true, added: 3 }, t0);
        await store.papers.recordFetch('hf', { ok: false, error: 'timeout' }, t1);
        await store.papers.recordFetch('hf', { ok: true, added: 2 }, t1);
        expect(await store.papers.sourceStatus()).toEqual([{ source: 'hf', papersAdded: 5, lastSuccess: t1, lastError: 'timeout', lastErrorAt: t1 }]);
      });
    });

    describe('paper vectors', () => {
      const paper = (id: string): Paper => ({ id, title: `Paper ${id}`, titleDerived: false, abstract: `Abstract of ${id}.`, links: [], sources: ['hf'] });
      const vec = (...xs: number[]) => Float32Array.from(xs);
      const byPaper = <T extends { paperId: string }>(rows: T[]) => [...rows].sort((a, b) => a.paperId.localeCompare(b.paperId));

      it('keeps each paper\'s vector per model, bit for bit, and replaces it by paper and model', async () => {
        const store = await fresh();
        await store.papers.save([paper('pa'), paper('pb'), paper('pc')], t0);
        const awkward = vec(0.1, -1e-30, 3.4e38, -0);
        await store.embeddings.save('lsa-a', [{ paperId: 'pa', vector: awkward, textHash: 'h1' }, { paperId: 'pb', vector: vec(1, 0, 0, 0), textHash: 'h2' }], t0);
        await store.embeddings.save('http:m', [{ paperId: 'pa', vector: vec(0.5, 0.5), textHash: 'h1' }], t0);
        const got = byPaper(await store.embeddings.get('lsa-a', ['pa', 'pb', 'pc', 'nope']));
        expect(got.map((v) => [v.paperId, v.textHash, [...v.vector]])).toEqual([
          ['pa', 'h1', [...awkward]],
          ['pb', 'h2', [1, 0, 0, 0]],
        ]);
        expect(Object.is(got[0]!.vector[3], -0)).toBe(true);
        expect(got[0]!.vector).toBeInstanceOf(Float32Array);
        await store.embeddings.save('lsa-a', [{ paperId: 'pa', vector: vec(0, 1), textHash: 'h3' }], t1);
        expect((await store.embeddings.get('lsa-a', ['pa'])).map((v) => [v.textHash, [...v.vector]])).toEqual([['h3', [0, 1]]]);
        expect((await store.embeddings.get('http:m', ['pa']))[0]?.vector).toEqual(vec(0.5, 0.5));
        expect(await store.embeddings.count('lsa-a')).toBe(2);
        expect(await store.embeddings.get('lsa-a', [])).toEqual([]);
      });

      it('answers for many papers at once', async () => {
        const store = await fresh();
        const ids = Array.from({ length: 1200 }, (_, i) => `p${i}`);
        await store.papers.save(ids.map(paper), t0);
        await store.embeddings.save('m', ids.map((paperId, i) => ({ paperId, vector: vec(i, -i), textHash: `h${i}` })), t0);
        const got = await store.embeddings.get('m', ids);
        expect(got).toHaveLength(1200);
        expect(got.find((v) => v.paperId === 'p1199')?.vector).toEqual(vec(1199, -1199));
      });

      it('refuses a vector for a paper it does not store, and saves none of that batch', async () => {
        const store = await fresh();
        await store.papers.save([paper('pa')], t0);
        await expect(store.embeddings.save('m', [{ paperId: 'pa', vector: vec(1), textHash: 'h' }, { paperId: 'ghost', vector: vec(1), textHash: 'h' }], t0)).rejects.toThrow();
        expect(await store.embeddings.count('m')).toBe(0);
      });

      it('forgets the vectors of replaced models', async () => {
        const store = await fresh();
        await store.papers.save([paper('pa'), paper('pb')], t0);
        await store.embeddings.save('old', [{ paperId: 'pa', vector: vec(1), textHash: 'h' }, { paperId: 'pb', vector: vec(1), textHash: 'h' }], t0);
        await store.embeddings.save('new', [{ paperId: 'pa', vector: vec(2), textHash: 'h' }], t0);
        expect(await store.embeddings.pruneOtherModels('new')).toBe(2);
        expect(await store.embeddings.count('old')).toBe(0);
        expect(await store.embeddings.count('new')).toBe(1);
        expect(await store.embeddings.pruneOtherModels('new')).toBe(0);
      });
    });

    describe('reading lists, feedback and forgetting a user', () => {
      const alice = userList('slack', 'UALICE');
      const bob = userList('slack', 'UBOB');
      const team = channelList('slack', 'CTEAM');
      const chan = { platform: 'slack', channelId: 'CTEAM' };

      it('keeps each list apart, newest first, without duplicates; only a channel list says who saved', async () => {
        const store = await fresh();
        expect(await store.readingLists.save(alice, 'p1', 'UALICE', t0)).toBe(true);
        expect(await store.readingLists.save(alice, 'p2', 'UALICE', t1)).toBe(true);
        expect(await store.readingLists.save(alice, 'p1', 'UALICE', t1)).toBe(false);
        await store.readingLists.save(team, 'p3', 'UBOB', t0);
        expect(await store.readingLists.list(alice)).toEqual([
          { paperId: 'p2', savedAt: t1 },
          { paperId: 'p1', savedAt: t0 },
        ]);
        expect(await store.readingLists.list(bob)).toEqual([]);
        expect(await store.readingLists.list(team)).toEqual([{ paperId: 'p3', savedAt: t0, savedBy: 'UBOB' }]);
        // The same id on another platform is another user.
        expect(await store.readingLists.list(userList('discord', 'UALICE'))).toEqual([]);
        expect(await store.readingLists.remove(alice, 'p1')).toBe(true);
        expect(await store.readingLists.remove(alice, 'p1')).toBe(false);
        expect((await store.readingLists.list(alice)).map((s) => s.paperId)).toEqual(['p2']);
      });

      it('keeps one vote per user and paper in a channel: changed, taken back, reset', async () => {
        const store = await fresh();
        await store.feedback.vote(chan, 'UALICE', 'p1', 1, t0);
        await store.feedback.vote(chan, 'UBOB', 'p1', -1, t0);
        await store.feedback.vote(chan, 'UALICE', 'p1', -1, t1);
        await store.feedback.vote(chan, 'UALICE', 'p2', 1, t1);
        await store.feedback.vote({ platform: 'slack', channelId: 'COTHER' }, 'UALICE', 'p9', 1, t1);
        expect(await store.feedback.channelVotes(chan)).toEqual([
          { userId: 'UBOB', paperId: 'p1', vote: -1, at: t0 },
          { userId: 'UALICE', paperId: 'p1', vote: -1, at: t1 },
          { userId: 'UALICE', paperId: 'p2', vote: 1, at: t1 },
        ]);
        await store.feedback.vote(chan, 'UBOB', 'p1', 0, t1);
        expect((await store.feedback.channelVotes(chan)).map((v) => v.userId)).toEqual(['UALICE', 'UALICE']);
        expect(await store.feedback.resetChannel(chan)).toBe(2);
        expect(await store.feedback.channelVotes(chan)).toEqual([]);
        expect(await store.feedback.channelVotes({ platform: 'slack', channelId: 'COTHER' })).toHaveLength(1);
      });

      it('forgets one user: their list, votes and personal digests go, channel lists and subscriptions stop naming them, others stay', async () => {
        const store = await fresh();
        await store.readingLists.save(alice, 'p1', 'UALICE', t0);
        await store.readingLists.save(bob, 'p1', 'UBOB', t0);
        await store.readingLists.save(team, 'p2', 'UALICE', t0);
        await store.feedback.vote(chan, 'UALICE', 'p1', 1, t0);
        await store.feedback.vote(chan, 'UBOB', 'p1', 1, t0);
        const { subscription } = await store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'CTEAM', createdBy: 'UALICE' }), t0);
        const personal = (await store.subscriptions.upsert(subInput({ platform: 'slack', channelId: 'DUALICE', createdBy: 'UALICE', personal: true }), t0)).subscription;
        expect(personal.personal).toBe(true);
        await store.deliveries.claim({ subscriptionId: personal.id, slotDate: '2026-03-02' }, t0, t0);
        expect(await store.privacy.forgetUser('slack', 'UALICE')).toEqual({ savedPapers: 1, votes: 1, personalDigests: 1, anonymised: 2 });
        expect(await store.subscriptions.get(personal.id)).toBeUndefined();
        expect(await store.deliveries.get({ subscriptionId: personal.id, slotDate: '2026-03-02' })).toBeUndefined();
        expect(await store.readingLists.list(alice)).toEqual([]);
        expect(await store.readingLists.list(bob)).toHaveLength(1);
        expect(await store.readingLists.list(team)).toEqual([{ paperId: 'p2', savedAt: t0 }]);
        expect((await store.feedback.channelVotes(chan)).map((v) => v.userId)).toEqual(['UBOB']);
        expect((await store.subscriptions.get(subscription.id))?.createdBy).toBe('');
        expect(await store.privacy.forgetUser('slack', 'UALICE')).toEqual({ savedPapers: 0, votes: 0, personalDigests: 0, anonymised: 0 });
      });
    });

    it('remembers which paper each threaded-digest message holds, per platform and channel', async () => {
      const store = await fresh();
      await store.paperMessages.record('discord', 'C1', [{ channelId: 'T1', messageId: 'M1', paperId: 'p1' }, { channelId: 'T1', messageId: 'M2', paperId: 'p2' }], t0);
      expect(await store.paperMessages.paperOf('discord', 'T1', 'M2')).toEqual({ paperId: 'p2', digestChannelId: 'C1' });
      expect(await store.paperMessages.paperOf('discord', 'C1', 'M2')).toBeUndefined();
      expect(await store.paperMessages.paperOf('slack', 'T1', 'M2')).toBeUndefined();
      // Recording again (a retried record) keeps the first.
      await store.paperMessages.record('discord', 'C9', [{ channelId: 'T1', messageId: 'M1', paperId: 'p9' }], t1);
      expect(await store.paperMessages.paperOf('discord', 'T1', 'M1')).toEqual({ paperId: 'p1', digestChannelId: 'C1' });
    });

    describe('leases', () => {
      const ttl = 30_000;
      const at = (s: number) => new Date(t0.getTime() + s * 1000);

      it('one holder at a time; the holder renews; another takes it once it expires or is released', async () => {
        const store = await fresh();
        const racers = await Promise.all(['a', 'b', 'c'].map((holder) => store.leases.acquire('ingest', holder, ttl, at(0))));
        expect(racers.filter(Boolean)).toHaveLength(1);
        const holder = ['a', 'b', 'c'][racers.indexOf(true)]!;
        const other = holder === 'a' ? 'b' : 'a';
        expect(await store.leases.acquire('ingest', holder, ttl, at(20))).toBe(true);
        // Renewed at 20 s: still held at 45 s, gone at 50 s.
        expect(await store.leases.acquire('ingest', other, ttl, at(45))).toBe(false);
        expect(await store.leases.active('ingest', at(45))).toEqual([{ name: 'ingest', holder, expiresAt: at(50) }]);
        expect(await store.leases.acquire('ingest', other, ttl, at(50))).toBe(true);
        // The old holder, back late, does not get it back by renewing.
        expect(await store.leases.acquire('ingest', holder, ttl, at(51))).toBe(false);
        await store.leases.release('ingest', holder); // not the holder: changes nothing
        expect((await store.leases.active('', at(51))).map((l) => l.holder)).toEqual([other]);
        await store.leases.release('ingest', other);
        expect(await store.leases.acquire('ingest', holder, ttl, at(52))).toBe(true);
      });

      it('lists unexpired leases by prefix, and prunes long-expired ones', async () => {
        const store = await fresh();
        await store.leases.acquire('replica:b', 'b', ttl, at(0));
        await store.leases.acquire('replica:a', 'a', ttl, at(10));
        await store.leases.acquire('ingest', 'a', ttl, at(10));
        expect((await store.leases.active('replica:', at(20))).map((l) => l.name)).toEqual(['replica:a', 'replica:b']);
        expect((await store.leases.active('replica:', at(35))).map((l) => l.name)).toEqual(['replica:a']);
        expect(await store.leases.prune(at(35))).toBe(1);
        expect(await store.leases.acquire('replica:b', 'someone else', ttl, at(36))).toBe(true);
      });
    });

    describe('shared rate limits', () => {
      const limit = { burst: 3, perMinute: 6 }; // one token every 10 s
      const at = (s: number) => new Date(t0.getTime() + s * 1000);

      it('allows a burst, then says how long to wait, refilling over time, per key', async () => {
        const store = await fresh();
        const taken = [];
        for (let i = 0; i < 4; i++) taken.push(await store.rateLimits.take('slack:U1', limit, at(0)));
        expect(taken).toEqual([0, 0, 0, 10]);
        expect(await store.rateLimits.take('slack:U2', limit, at(0))).toBe(0);
        expect(await store.rateLimits.take('slack:U1', limit, at(4))).toBe(6);
        expect(await store.rateLimits.take('slack:U1', limit, at(10))).toBe(0);
        expect(await store.rateLimits.take('slack:U1', limit, at(10))).toBe(10);
        // Long idle: back to a full burst, never more.
        const later = [];
        for (let i = 0; i < 4; i++) later.push(await store.rateLimits.take('slack:U1', limit, at(3600)));
        expect(later).toEqual([0, 0, 0, 10]);
      });

      it('concurrent takes never hand out more than the bucket holds', async () => {
        const store = await fresh();
        const waits = await Promise.all(Array.from({ length: 12 }, () => store.rateLimits.take('discord:U9', limit, at(0))));
        expect(waits.filter((w) => w === 0)).toHaveLength(3);
      });

      it('prunes buckets untouched since a time', async () => {
        const store = await fresh();
        await store.rateLimits.take('a', limit, at(0));
        await store.rateLimits.take('b', limit, at(100));
        expect(await store.rateLimits.prune(at(50))).toBe(1);
        // A pruned bucket starts full again.
        expect(await store.rateLimits.take('a', limit, at(101))).toBe(0);
      });
    });

    describe('handled requests', () => {
      it('first is true once per key, even when asked at once; prune forgets old keys', async () => {
        const store = await fresh();
        const racers = await Promise.all([1, 2, 3].map(() => store.requests.first('slack:Ev1', t0)));
        expect(racers.filter(Boolean)).toHaveLength(1);
        expect(await store.requests.first('slack:Ev2', t1)).toBe(true);
        expect(await store.requests.prune(t1)).toBe(1);
        expect(await store.requests.first('slack:Ev1', t1)).toBe(true);
        expect(await store.requests.first('slack:Ev2', t1)).toBe(false);
      });
    });

    it('ping and check report a healthy store; a closed store pings false and stays closed', async () => {
      const store = await fresh();
      expect(await store.ping()).toBe(true);
      expect(await store.check()).toBe('ok');
      await store.close();
      expect(await store.ping()).toBe(false);
      await store.close();
      await expect(store.subscriptions.listActive()).rejects.toThrow();
    });
  });
}
