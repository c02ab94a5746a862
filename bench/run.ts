/**
 * `npm run bench`: every benchmark on the real corpus and on synthetic corpora of 20,000 and
 * 100,000 papers, then bench/results.json and a markdown summary on stdout. Progress goes to
 * stderr. `BENCH_SIZES=real,20k` runs a subset. At 100k it also appends 1,000 papers to the index.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { CONFIG_DIR, PROJECT_ROOT } from '../src/paths.js';
import { createLibrary, loadTopicsConfig } from '../src/search/library.js';
import { vocabularySize } from './lib/synthetic.js';
import { papersAfter, papersOf, realCorpus, syntheticCorpus, SIZES, type SizeName } from './lib/corpora.js';
import { fmt, log } from './lib/stats.js';
import { ADDED, benchAppend, type AppendRow } from './append.js';
import { benchDigest, type DigestRow } from './digest.js';
import { benchMemory, type MemoryRow } from './memory.js';
import { benchParseIndex, type ParseIndexResult } from './parse-index.js';
import { benchRoundTrip, type RoundTripRow } from './round-trip.js';
import { benchSearch, type SearchResultRow } from './search.js';
import { benchSnapshot, type SnapshotRow } from './snapshot.js';
import { benchStartup, type StartupRow } from './startup.js';

interface SizeResults {
  papers: number;
  vocabulary: number;
  parseIndex: ParseIndexResult;
  search: SearchResultRow;
  roundTrip: RoundTripRow;
  digest: DigestRow;
  snapshot: SnapshotRow;
  memory: MemoryRow[];
  startup: StartupRow[];
  /** 100k only: appending papers instead of rebuilding. */
  append?: AppendRow;
}

const STARTUPS: Record<SizeName, [StartupRow['process'], number][]> = {
  real: [['probe', 9], ['cli', 9], ['probe, no snapshot', 5]],
  '20k': [['probe', 3]],
  '100k': [['probe', 3], ['cli', 2]],
};

async function benchSize(size: SizeName): Promise<SizeResults> {
  const began = performance.now();
  const papers = papersOf(size);
  const { row: parseIndex, index, anchor } = benchParseIndex(size);
  const topics = loadTopicsConfig(join(CONFIG_DIR, 'topics.json'));
  const library = createLibrary(papers, { topics, index });
  const search = benchSearch(size, library, anchor);
  const roundTrip = await benchRoundTrip(size, library);
  const digest = benchDigest(size, papers, index, topics);
  const corpus = size === 'real' ? realCorpus() : syntheticCorpus(papers);
  const snapshot = benchSnapshot(size, corpus, index, library);
  const append = size === '100k' ? benchAppend(papers, index, papersAfter(size, ADDED)) : undefined;
  const memory = [benchMemory(size, true), ...(size === 'real' ? [benchMemory(size, false)] : [])];
  const startup: StartupRow[] = [];
  for (const [kind, runs] of STARTUPS[size]) startup.push(await benchStartup(size, kind, runs));
  log(`${size} done in ${((performance.now() - began) / 1000).toFixed(0)} s`);
  return { papers: papers.length, vocabulary: vocabularySize(papers), parseIndex, search, roundTrip, digest, snapshot, memory, startup, append };
}

const appendCell = (row: AppendRow | undefined, cell: (row: AppendRow) => string) => (row ? cell(row) : '–');

function table(results: Partial<Record<SizeName, SizeResults>>): string {
  const sizes = Object.keys(results) as SizeName[];
  const r = (s: SizeName) => results[s]!;
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(0)}×` : '–');
  const startup = (s: SizeName, kind: StartupRow['process']) => r(s).startup.find((x) => x.process === kind);
  const rows: [string, (s: SizeName) => string][] = [
    ['papers / distinct words', (s) => `${r(s).papers} / ${r(s).vocabulary}`],
    ['corpus parse (ms)', (s) => fmt(r(s).parseIndex.parseMs)],
    ['index build (ms) · anchor build', (s) => `${fmt(r(s).parseIndex.indexMs)} · ${fmt(r(s).parseIndex.anchorBuildMs)}`],
    ['search p50 (ms) · anchor', (s) => `${fmt(r(s).search.ours.p50)} · ${fmt(r(s).search.anchor.p50)}`],
    ['search p99 (ms) · anchor', (s) => `${fmt(r(s).search.ours.p99)} · ${fmt(r(s).search.anchor.p99)}`],
    ['search p50 speed-up vs anchor', (s) => ratio(r(s).search.anchor.p50, r(s).search.ours.p50)],
    ['descriptive query p50 (ms) · anchor', (s) => `${fmt(r(s).search.byKind.descriptive.ours)} · ${fmt(r(s).search.byKind.descriptive.anchor)}`],
    ['typo query p50 (ms) · anchor', (s) => `${fmt(r(s).search.byKind.typo.ours)} · ${fmt(r(s).search.byKind.typo.anchor)}`],
    ['typo tolerance works', (s) => (r(s).search.typoWorks ? 'yes' : 'NO')],
    ['round trip p50 / p99 (ms)', (s) => `${fmt(r(s).roundTrip.all.p50)} / ${fmt(r(s).roundTrip.all.p99)}`],
    ['10k digests: CPU (ms) · warm-up', (s) => `${fmt(r(s).digest.cpuMs)} · ${fmt(r(s).digest.warmupMs)}`],
    ['snapshot: MB · save · load+ready (ms)', (s) => `${r(s).snapshot.megabytes.toFixed(1)} · ${fmt(r(s).snapshot.saveMs)} · ${fmt(r(s).snapshot.readyMs)}`],
    ['first answer, probe process (ms)', (s) => fmt(startup(s, 'probe')?.medianMs ?? NaN)],
    ['first answer, CLI process (ms)', (s) => fmt(startup(s, 'cli')?.medianMs ?? NaN)],
    ['first answer, no snapshot (ms)', (s) => fmt(startup(s, 'probe, no snapshot')?.medianMs ?? NaN)],
    ['append 1k papers, CPU (ms): index+merge · library · full rebuild', (s) => appendCell(r(s).append, (a) => `${fmt(a.appendCpuMs)} · ${fmt(a.libraryCpuMs)} · ${fmt(a.fullBuildCpuMs)}`)],
    ['search p50 / p99 (ms), before → after append', (s) => appendCell(r(s).append, (a) => `${fmt(a.before.repeated.p50)} / ${fmt(a.before.repeated.p99)} → ${fmt(a.after.repeated.p50)} / ${fmt(a.after.repeated.p99)}`)],
    ['heap / RSS after GC (MB)', (s) => `${r(s).memory[0]!.heapMB.toFixed(0)} / ${r(s).memory[0]!.rssMB.toFixed(0)}`],
  ];
  const head = `| | ${sizes.join(' | ')} |\n|---|${sizes.map(() => '---:').join('|')}|`;
  return [head, ...rows.map(([label, cell]) => `| ${label} | ${sizes.map(cell).join(' | ')} |`)].join('\n');
}

const sizes = (process.env.BENCH_SIZES?.split(',') ?? Object.keys(SIZES)) as SizeName[];
const results: Partial<Record<SizeName, SizeResults>> = {};
const started = performance.now();
for (const size of sizes) results[size] = await benchSize(size);
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, memoryGB: Math.round(totalmem() / 2 ** 30) };
const out = { date: new Date().toISOString(), machine, totalSeconds: (performance.now() - started) / 1000, results };
writeFileSync(join(PROJECT_ROOT, 'bench', 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(`\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; ${out.totalSeconds.toFixed(0)} s in all.\n\n${table(results)}\n`);
