/**
 * `npm run bench`: every benchmark on the real corpus and on synthetic corpora of 20,000, 100,000
 * and 1,000,000 papers, then bench/results.json and a markdown summary on stdout, ending with the
 * targets, each marked met or missed. Progress goes to stderr.
 *
 *   npm run bench                      every size (about 15 minutes on 2 cores)
 *   npm run bench -- --quick           the real corpus and 20k (about 3 minutes; for CI)
 *   npm run bench -- --sizes=real,100k a subset (BENCH_SIZES=real,100k works too)
 *   npm run bench -- --allow-noisy     run and write results on a busy machine, marked noisy
 *                                      (BENCH_ALLOW_NOISY=1 works too)
 *
 * The run refuses to start, and to write results, while the machine is busy (bench/lib/load.ts).
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { CONFIG_DIR, PROJECT_ROOT } from '../src/paths.js';
import { createLibrary, loadTopicsConfig } from '../src/search/library.js';
import { corpusDir, forgetPapers, papersAfter, papersOf, realCorpus, syntheticCorpus, SIZES, type SizeName } from './lib/corpora.js';
import { load, type LoadReport } from './lib/load.js';
import { fmt, log } from './lib/stats.js';
import { ADDED, benchAppend, type AppendRow } from './append.js';
import { benchDigest, type DigestRow } from './digest.js';
import { benchMemory, type MemoryRow } from './memory.js';
import { benchParseIndex, type ParseIndexResult } from './parse-index.js';
import { benchRoundTrip, type RoundTripRow } from './round-trip.js';
import { benchSearch, type SearchResultRow } from './search.js';
import { benchSemantic, SEMANTIC_LINES, type SemanticRow } from './semantic.js';
import { benchSnapshot, type SnapshotRow } from './snapshot.js';
import { benchStartup, type StartupKind, type StartupRow } from './startup.js';

interface SizeResults {
  papers: number;
  vocabulary: number;
  parseIndex: ParseIndexResult;
  search: SearchResultRow;
  roundTrip: RoundTripRow;
  /** Semantic search's cost (semantic.ts); not at a million papers. */
  semantic?: SemanticRow;
  digest?: DigestRow;
  snapshot: SnapshotRow;
  memory: MemoryRow[];
  startup: StartupRow[];
  /** 100k only, full runs only: appending papers instead of rebuilding. */
  append?: AppendRow;
  seconds: number;
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const allowNoisy = args.includes('--allow-noisy') || process.env.BENCH_ALLOW_NOISY === '1';
const sizesArg = args.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length) ?? process.env.BENCH_SIZES;
const unknown = args.filter((a) => !['--quick', '--allow-noisy'].includes(a) && !a.startsWith('--sizes='));
if (unknown.length) {
  process.stderr.write(`unknown option ${unknown.join(' ')}; use --quick, --sizes=real,20k,100k,1m, --allow-noisy\n`);
  process.exit(2);
}
const sizes = (sizesArg?.split(',') ?? (quick ? ['real', '20k'] : Object.keys(SIZES))) as SizeName[];
for (const size of sizes) {
  if (!(size in SIZES)) {
    process.stderr.write(`unknown size ${size}; sizes are ${Object.keys(SIZES).join(', ')}\n`);
    process.exit(2);
  }
}

const STARTUPS: Record<SizeName, StartupKind[]> = {
  real: ['bot', 'cli', 'bot, no snapshot'],
  '20k': ['bot'],
  '100k': ['bot'],
  '1m': ['bot'],
};

if (load.startTooHigh()) {
  const { atStart, limit, cores } = load.report();
  const message = `the machine is busy: 1-minute load average ${atStart.toFixed(2)} on ${cores} cores (limit ${limit.toFixed(2)}).`;
  if (!allowNoisy) {
    process.stderr.write(`${message} Figures taken now would measure the other work as much as ours; wait for a quiet machine, or pass --allow-noisy to run anyway with the results marked noisy.\n`);
    process.exit(3);
  }
  log(`${message} Running anyway (--allow-noisy): every figure is marked noisy.`);
}

async function benchSize(size: SizeName): Promise<SizeResults> {
  const began = performance.now();
  const papers = papersOf(size);
  load.sample(`generate ${size}`);
  const { row: parseIndex, index, anchor } = await benchParseIndex(size);
  load.sample(`index ${size}`);
  const topics = loadTopicsConfig(join(CONFIG_DIR, 'topics.json'));
  const library = createLibrary(papers, { topics, index });
  // As the bot does once a library is swapped in (LibraryHolder): the first-sight round then
  // measures queries the engine has not seen, on a library that is up and running.
  await library.warm?.();
  // The index build's garbage (gigabytes at a million papers) is collected before search is
  // timed: the bot, which loads its index from a snapshot, never has it. Left, a major collection
  // fell in the first-sight round, and the scavenges during its incremental marking took 20–55 ms
  // each: three queries of 127–186 ms at a million papers, twice the time they take otherwise.
  (globalThis as { gc?: () => void }).gc?.();
  const search = benchSearch(size, realCorpus().papers, library, index, anchor);
  await anchor?.close();
  const roundTrip = await benchRoundTrip(size, library);
  const semantic = size === '1m' ? undefined : await benchSemantic(size, papers, index, realCorpus().papers, corpusDir(size));
  // The digests' TF-IDF vectors of a million papers take gigabytes more: not at that size.
  const digest = size === '1m' ? undefined : benchDigest(size, papers, index, topics);
  load.sample(`digest ${size}`);
  const corpus = size === 'real' ? realCorpus() : syntheticCorpus(papers);
  const snapshot = benchSnapshot(size, corpus, index, library);
  load.sample(`snapshot ${size}`);
  const append = size === '100k' && !quick ? await benchAppend(papers, index, papersAfter(size, ADDED)) : undefined;
  const vocabulary = index.surfaceWords.length;
  forgetPapers(size);
  const memory = [benchMemory(size, true), ...(size === 'real' ? [benchMemory(size, false)] : [])];
  load.sample(`memory ${size}`);
  // The benchmark's own garbage (gigabytes at a million papers) is collected now, not by
  // background threads on the cores the spawned bots are being timed on.
  (globalThis as { gc?: () => void }).gc?.();
  const startup: StartupRow[] = [];
  for (const kind of STARTUPS[size]) startup.push(await benchStartup(size, kind));
  const seconds = (performance.now() - began) / 1000;
  log(`${size} done in ${seconds.toFixed(0)} s; others' load so far: max ${load.report().max.toFixed(2)}`);
  return { papers: papers.length, vocabulary, parseIndex, search, roundTrip, semantic, digest, snapshot, memory, startup, append, seconds };
}

type Results = Partial<Record<SizeName, SizeResults>>;
const pair = (a: number, b: number) => `${fmt(a)} / ${fmt(b)}`;
const ratio = (x: number) => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×` : '–');

function table(results: Results): string {
  const sizes = Object.keys(results) as SizeName[];
  const r = (s: SizeName) => results[s]!;
  const startup = (s: SizeName, kind: StartupKind) => r(s).startup.find((x) => x.process === kind);
  const anchors = (s: SizeName) => r(s).search.anchors;
  const rows: [string, (s: SizeName) => string][] = [
    ['papers / distinct words indexed', (s) => `${r(s).papers} / ${r(s).vocabulary}`],
    ['corpus parse (ms)', (s) => fmt(r(s).parseIndex.parseMs)],
    ['index build (ms) · anchor build', (s) => `${fmt(r(s).parseIndex.indexMs)} · ${fmt(r(s).parseIndex.anchorBuildMs)}`],
    ['search, first sight: p50 / p95 (ms)', (s) => pair(r(s).search.engine.firstSight.p50, r(s).search.engine.firstSight.p95)],
    ['search, first sight: p99 / max (ms)', (s) => pair(r(s).search.engine.firstSight.p99, r(s).search.engine.firstSight.max)],
    ['search, repeated: p50 / p95 (ms)', (s) => pair(r(s).search.engine.repeated.p50, r(s).search.engine.repeated.p95)],
    ['search, repeated: p99 / max (ms)', (s) => pair(r(s).search.engine.repeated.p99, r(s).search.engine.repeated.max)],
    ['anchor exact, first sight: p50 / p99 (ms)', (s) => (anchors(s) ? pair(anchors(s)!.exact.firstSight.p50, anchors(s)!.exact.firstSight.p99) : '–')],
    ['anchor typo+prefix, first sight: p50 / p99 (ms)', (s) => (anchors(s) ? pair(anchors(s)!.fuzzy.firstSight.p50, anchors(s)!.fuzzy.firstSight.p99) : '–')],
    ['plain postings scan (the floor), first sight: p50 / p99 (ms)', (s) => pair(r(s).search.floor.firstSight.p50, r(s).search.floor.firstSight.p99)],
    ['paired ratio engine / postings scan, median per query (first sight · repeated)', (s) => `${ratio(r(s).search.floor.ratio.firstSight)} · ${ratio(r(s).search.floor.ratio.repeated)}`],
    ['paired ratio anchor / engine, median per query: exact (first sight · repeated)', (s) => (anchors(s) ? `${ratio(anchors(s)!.exact.ratio.firstSight)} · ${ratio(anchors(s)!.exact.ratio.repeated)}` : '–')],
    ['paired ratio: typo+prefix (first sight · repeated)', (s) => (anchors(s) ? `${ratio(anchors(s)!.fuzzy.ratio.firstSight)} · ${ratio(anchors(s)!.fuzzy.ratio.repeated)}` : '–')],
    ...(['word', 'words', 'typo', 'prefix', 'phrase', 'descriptive', 'nomatch', 'filter'] as const).map(
      (kind): [string, (s: SizeName) => string] => [`first-sight p50 / p99, ${kind} (ms)`, (s) => pair(r(s).search.byKind[kind].firstSight.p50, r(s).search.byKind[kind].firstSight.p99)],
    ),
    ['typo tolerance and every query feature work', (s) => (Object.values(r(s).search.features).every(Boolean) ? 'yes' : `NO: ${Object.entries(r(s).search.features).filter(([, ok]) => !ok).map(([k]) => k).join(', ')}`)],
    ['round trip p50 / p99 (ms)', (s) => pair(r(s).roundTrip.all.p50, r(s).roundTrip.all.p99)],
    ['10k digests: CPU (ms) · warm-up', (s) => (r(s).digest ? `${fmt(r(s).digest!.cpuMs)} · ${fmt(r(s).digest!.warmupMs)}` : '–')],
    ['snapshot: MB · save · load+ready (ms)', (s) => `${r(s).snapshot.megabytes.toFixed(1)} · ${fmt(r(s).snapshot.saveMs)} · ${fmt(r(s).snapshot.readyMs)}`],
    ['bot ready from snapshot, median of 5 (ms)', (s) => fmt(startup(s, 'bot')?.medianMs ?? NaN)],
    ['CLI search, first answer, median of 5 (ms)', (s) => fmt(startup(s, 'cli')?.medianMs ?? NaN)],
    ['bot ready without snapshot, median of 5 (ms)', (s) => fmt(startup(s, 'bot, no snapshot')?.medianMs ?? NaN)],
    ['append 1k papers, CPU (ms): index+merge · library · full rebuild', (s) => { const a = r(s).append; return a ? `${fmt(a.appendCpuMs)} · ${fmt(a.libraryCpuMs)} · ${fmt(a.fullBuildCpuMs)}` : '–'; }],
    ['RSS after GC (MB)', (s) => r(s).memory[0]!.rssMB.toFixed(0)],
    ['heap + external (of which ArrayBuffers) after GC (MB)', (s) => { const m = r(s).memory[0]!; return `${m.heapMB.toFixed(0)} + ${m.externalMB.toFixed(0)} (${m.arrayBuffersMB.toFixed(0)})`; }],
    ...SEMANTIC_LINES.map(([label, cell]): [string, (s: SizeName) => string] => [`semantic: ${label}`, (s) => (r(s).semantic ? cell(r(s).semantic!) : '–')]),
  ];
  const head = `| | ${sizes.join(' | ')} |\n|---|${sizes.map(() => '---:').join('|')}|`;
  return [head, ...rows.map(([label, cell]) => `| ${label} | ${sizes.map(cell).join(' | ')} |`)].join('\n');
}

/** The targets (2-core machine, first-sight figures), each marked met or missed. */
const TARGETS: Partial<Record<SizeName, { p50: number; p99: number; startMs: number; rssMB: number }>> = {
  real: { p50: 0.2, p99: 2, startMs: 400, rssMB: 120 },
  '100k': { p50: 2, p99: 15, startMs: 1000, rssMB: 400 },
  '1m': { p50: 15, p99: 100, startMs: 5000, rssMB: 3072 },
};

/** Search with semantic fusion at 100k papers, first-sight p99 (ms). */
const FUSED_P99_100K = 50;

function targets(results: Results): string {
  const mark = (value: number, limit: number, unit: string, digits = 2) =>
    Number.isFinite(value) ? `${value.toFixed(digits)} ${unit} < ${limit} ${unit}: **${value < limit ? 'met' : 'missed'}**` : 'not measured';
  const lines = ['| corpus | search p50 (first sight) | search p99 (first sight) | bot ready from snapshot | RSS |', '|---|---|---|---|---|'];
  for (const [size, t] of Object.entries(TARGETS) as [SizeName, NonNullable<(typeof TARGETS)[SizeName]>][]) {
    const r = results[size];
    if (!r) {
      lines.push(`| ${size} | not run | not run | not run | not run |`);
      continue;
    }
    const start = r.startup.find((x) => x.process === 'bot')?.medianMs ?? NaN;
    lines.push(
      `| ${size === 'real' ? `real (${r.papers})` : r.papers.toLocaleString('en-US')} | ${mark(r.search.engine.firstSight.p50, t.p50, 'ms')} | ${mark(r.search.engine.firstSight.p99, t.p99, 'ms', 1)} | ${mark(start, t.startMs, 'ms', 0)} | ${mark(r.memory[0]!.rssMB, t.rssMB, 'MB', 0)} |`,
    );
  }
  const fused = results['100k']?.semantic?.fused.firstSight.p99;
  lines.push('', `Search with semantic fusion at 100,000 papers, first-sight p99: ${fused === undefined ? 'not run' : mark(fused, FUSED_P99_100K, 'ms', 1)}`);
  return lines.join('\n');
}

const results: Results = {};
const started = performance.now();
for (const size of sizes) {
  results[size] = await benchSize(size);
  load.sample(`after ${size}`);
}
const loadReport: LoadReport = load.report();
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, memoryGB: Math.round(totalmem() / 2 ** 30) };
const totalSeconds = (performance.now() - started) / 1000;
const peakRssMB = process.resourceUsage().maxRSS / 1024;
const loadLine = `Others' load (before the run: the 1-minute load average; during it: cores others kept busy, from /proc, between samples): at start ${loadReport.atStart.toFixed(2)}, mean ${loadReport.mean.toFixed(2)}, max ${loadReport.max.toFixed(2)} (${loadReport.maxAt}); limit ${loadReport.limit.toFixed(2)} on ${loadReport.cores} cores.`;
if (loadReport.noisy && !allowNoisy) {
  process.stderr.write(`\n${loadLine}\nThe machine was too busy during the run: no results written. Run again on a quiet machine, or with --allow-noisy to keep noisy figures.\n`);
  process.exit(3);
}
const out = { date: new Date().toISOString(), machine, quick, sizes, totalSeconds, peakRssMB, load: loadReport, noisy: loadReport.noisy, results };
writeFileSync(join(PROJECT_ROOT, 'bench', 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
const noisy = loadReport.noisy ? '\n**NOISY RUN** (--allow-noisy): the machine was busier than the limit; these figures overstate latencies and start-up.\n' : '';
process.stdout.write(
  `\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; ${totalSeconds.toFixed(0)} s in all; peak RSS of the benchmark process ${peakRssMB.toFixed(0)} MB.\n${loadLine}\n${noisy}\n${table(results)}\n\n## Targets (first-sight figures)\n\n${targets(results)}\n`,
);
