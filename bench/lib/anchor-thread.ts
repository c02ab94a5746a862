/**
 * The MiniSearch anchors in a thread of their own, queried in lockstep with the engine.
 *
 * Why a thread: MiniSearch allocates an object per matching document per query, gigabytes of
 * garbage over a 100,000-paper run. In the engine's heap that garbage was collected during the
 * engine's queries (incremental marking, write barriers, pauses), charging the anchor's cost to
 * the engine: measured at 100,000 papers, the engine's first-sight p50 went from 0.90 to 1.32 ms
 * and p99 from 8.2 to 12.7 ms with the anchors beside it. The bot never has them beside it. A
 * worker has its own heap and collector, while the calls still alternate query by query on one
 * clock, so machine noise still falls on both.
 *
 * Lockstep: the engine's thread writes a query into shared memory and blocks (Atomics.wait) until
 * the anchor thread has run it and written back the milliseconds it took, timed in that thread.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ANCHOR_MODES, anchorSearch, buildAnchor, type Anchor, type AnchorMode } from './anchor.js';
import { papersOf, type SizeName } from './corpora.js';
import { median, time } from './stats.js';

const IDLE = 0;
const ASKED = 1;
const ANSWERED = 2;
const QUIT = 3;
const MAX_QUERY_BYTES = 8192;

interface Shared {
  /** [state, mode, query bytes, hits returned] */
  control: Int32Array;
  ms: Float64Array;
  query: Uint8Array;
}

function shared(buffer: SharedArrayBuffer): Shared {
  return { control: new Int32Array(buffer, 0, 4), ms: new Float64Array(buffer, 16, 1), query: new Uint8Array(buffer, 24, MAX_QUERY_BYTES) };
}

interface Setup {
  size: SizeName;
  builds: number;
  buffer: SharedArrayBuffer;
}

/** The anchors of one corpus size, built and queried in their own thread. */
export class AnchorThread {
  private constructor(
    private readonly worker: Worker,
    private readonly memory: Shared,
    /** Median milliseconds of the anchor's builds. */
    readonly buildMs: number,
  ) {}

  /** Starts the thread, which generates the size's papers itself and builds the anchor `builds` times. */
  static async start(size: SizeName, builds: number): Promise<AnchorThread> {
    const buffer = new SharedArrayBuffer(24 + MAX_QUERY_BYTES);
    const setup: Setup = { size, builds, buffer };
    // The anchor's index at 100,000 papers needs several gigabytes of heap, as it did in the main thread.
    const worker = new Worker(new URL(import.meta.url), { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: 6144 } });
    const buildMs = await new Promise<number>((resolve, reject) => {
      worker.once('message', (m: { buildMs: number }) => resolve(m.buildMs));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the anchor thread exited with ${code} before it was ready`)));
    });
    worker.removeAllListeners('exit');
    return new AnchorThread(worker, shared(buffer), buildMs);
  }

  /** Runs `query` on the anchor in `mode` and returns the milliseconds it took there. Blocks until it is done. */
  search(query: string, mode: AnchorMode): number {
    return this.ask(query, mode).ms;
  }

  /** `search`, with the number of hits the anchor returned (at most 5). */
  ask(query: string, mode: AnchorMode): { ms: number; hits: number } {
    const { control, ms, query: bytes } = this.memory;
    const { written } = new TextEncoder().encodeInto(query, bytes);
    if (written === undefined || written >= MAX_QUERY_BYTES) throw new Error('anchor thread: query too long');
    control[1] = ANCHOR_MODES.indexOf(mode);
    control[2] = written;
    Atomics.store(control, 0, ASKED);
    Atomics.notify(control, 0);
    while (Atomics.load(control, 0) === ASKED) Atomics.wait(control, 0, ASKED, 60_000);
    const took = ms[0]!;
    const hits = control[3]!;
    Atomics.store(control, 0, IDLE);
    if (Number.isNaN(took)) throw new Error(`anchor thread: the query ${JSON.stringify(query)} failed`);
    return { ms: took, hits };
  }

  async close(): Promise<void> {
    Atomics.store(this.memory.control, 0, QUIT);
    Atomics.notify(this.memory.control, 0);
    await new Promise((resolve) => this.worker.once('exit', resolve));
  }
}

function serve({ size, builds, buffer }: Setup): void {
  const papers = papersOf(size);
  let anchor: Anchor | undefined;
  const times: number[] = [];
  for (let i = 0; i < builds; i++) {
    anchor = undefined; // the previous build is garbage before the next one starts, as in one-at-a-time builds
    const built = time(() => buildAnchor(papers));
    anchor = built.value;
    times.push(built.ms);
  }
  parentPort!.postMessage({ buildMs: median(times) });
  const { control, ms, query } = shared(buffer);
  const decoder = new TextDecoder();
  for (;;) {
    const state = Atomics.load(control, 0);
    if (state === QUIT) return;
    if (state !== ASKED) {
      // Asleep, not spinning, while the engine's query runs on the other thread.
      Atomics.wait(control, 0, state);
      continue;
    }
    const q = decoder.decode(query.slice(0, control[2]));
    const mode = ANCHOR_MODES[control[1]!]!;
    try {
      const start = performance.now();
      const hits = anchorSearch(anchor!, q, mode);
      ms[0] = performance.now() - start;
      control[3] = hits.length;
    } catch {
      ms[0] = NaN;
    }
    Atomics.store(control, 0, ANSWERED);
    Atomics.notify(control, 0);
  }
}

if (!isMainThread && (workerData as Setup | undefined)?.buffer) serve(workerData as Setup);
