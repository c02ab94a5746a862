/**
 * Index snapshots: the parsed corpus and its compact index saved as one binary file, so a
 * start-up reads bytes instead of parsing and tokenising every paper again (seconds at 100,000
 * papers, minutes at a million).
 *
 * Nothing big is parsed on load. The file is a first text line `PBIX<format> <key>`, a uint32
 * length, a small JSON manifest (counts, corpus statistics, the section table), then sections,
 * each 8-byte aligned: the index's typed arrays exactly as they are in memory, and the papers
 * as columns (one string table — UTF-8 bytes plus offsets — and per-field arrays of string
 * numbers, numbers and lists). Each section is read straight into its typed array. Abstracts are
 * not decoded: a loaded paper reads its abstract from the file when asked (text-on-disk.ts).
 *
 * The key is a cheap fingerprint of the corpus folder (each file's name, size, modification
 * time and inode: a `stat`, not a read) and of the code that shapes the index. Papers that
 * sources store in the database are not part of a snapshot: they are laid over the loaded
 * library afterwards (load-papers.ts), so the store's change counter does not enter the key.
 * A snapshot of another format, corpus or code is stale and gets rebuilt.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus, Paper } from '../corpus/paper.js';
import type { FieldPostings, IndexData } from './postings.js';
import { readAt } from './read-at.js';
import { TextOnDisk } from './text-on-disk.js';

/** Bump when the snapshot layout changes (2: compound flags per term; 3: binary columns, no JSON corpus; 4: token streams). */
const FORMAT = 4;
const MAGIC = `PBIX${FORMAT} `;

type TypedArray = Uint32Array | Uint16Array | Uint8Array | Float64Array;
const KINDS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, f64: Float64Array } as const;
type Kind = keyof typeof KINDS;
const kindOf = (a: TypedArray): Kind => (a instanceof Uint8Array ? 'u8' : a instanceof Uint16Array ? 'u16' : a instanceof Uint32Array ? 'u32' : 'f64');

interface Section {
  name: string;
  kind: Kind;
  /** Byte offset from the start of the data (after the manifest). */
  offset: number;
  length: number;
}
interface Manifest {
  docCount: number;
  avgFieldLength: number[];
  terms: number;
  surfaceWords: number;
  /** Number of the first term in the string table; the surface words follow the terms. */
  stringsBefore: number;
  /** The key order of each kind of paper record; a paper's `shape` indexes this list. */
  shapes: string[][];
  stats: Corpus['stats'];
  sections: Section[];
}

export interface Snapshot {
  corpus: Corpus;
  index: IndexData;
}

/**
 * Fingerprint of the corpus files (name, size, modification time, inode; sorted by name) and of
 * the indexing code. Only `stat`s: no corpus byte is read.
 */
export function snapshotKey(dataDir: string): string {
  const hash = createHash('sha256').update(`format ${FORMAT}\n${codeVersion()}\n`);
  for (const name of readdirSync(dataDir).filter((n) => n.endsWith('.txt') || n === 'sources.json').sort()) {
    const s = statSync(join(dataDir, name), { bigint: true });
    hash.update(`${name} ${s.size} ${s.mtimeNs} ${s.ino}\n`);
  }
  return hash.digest('hex');
}

let code: string | undefined;
/** Hash of this build's corpus and search modules: a code change invalidates every snapshot. */
function codeVersion(): string {
  if (code === undefined) {
    const here = dirname(fileURLToPath(import.meta.url));
    const hash = createHash('sha256');
    for (const dir of [here, join(here, '..', 'corpus'), join(here, '..', 'corpus', 'layouts')]) {
      for (const name of readdirSync(dir).filter((n) => /\.(js|ts)$/.test(n)).sort()) {
        hash.update(name).update(readFileSync(join(dir, name)));
      }
    }
    code = hash.digest('hex');
  }
  return code;
}

/** The snapshot file for a corpus folder: one per folder, overwritten when the corpus changes. */
export function snapshotFile(cacheDir: string, dataDir: string): string {
  return join(cacheDir, `index-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}.pbix`);
}

// ---- Papers as columns -------------------------------------------------------------------

const STRINGS = ['id', 'title', 'abstract', 'arxivId', 'summary', 'firstSeen', 'published'] as const;
const LISTS = ['authorNames', 'keywords', 'categories', 'sources'] as const;
const NUMBERS = ['authors', 'upvotes'] as const;
const KNOWN = new Set<string>([...STRINGS, ...LISTS, ...NUMBERS, 'titleDerived', 'links']);
const LINK_KINDS = ['code', 'project'] as const;
/** Strings shorter than this are stored once however often they occur (dates, sources, keywords). */
const INTERN_BELOW = 48;

/** Strings as UTF-8 bytes back to back, with the offset of each in bytes and in UTF-16 code units. */
class StringTable {
  bytes = Buffer.allocUnsafe(1 << 16);
  size = 0;
  offsets: number[] = [0];
  units: number[] = [0];
  private length = 0;
  private interned = new Map<string, number>();
  /** The number of `s` in the table; a short string already there is not stored again unless `intern` is false. */
  add(s: string, intern = true): number {
    intern &&= s.length < INTERN_BELOW;
    if (intern) {
      const known = this.interned.get(s);
      if (known !== undefined) return known;
    }
    const need = this.size + s.length * 3;
    if (need > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(need, this.bytes.length * 2));
      this.bytes.copy(bigger, 0, 0, this.size);
      this.bytes = bigger;
    }
    this.size += this.bytes.write(s, this.size, 'utf8');
    this.length += s.length;
    const id = this.offsets.length - 1;
    this.offsets.push(this.size);
    this.units.push(this.length);
    if (intern) this.interned.set(s, id);
    return id;
  }
}

/** Growable uint32 list. */
class U32 {
  data = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/** The keys a paper has, in its own order; keys whose value is undefined are absent (as in JSON). */
function keysOf(paper: Paper): string[] {
  const keys = Object.keys(paper).filter((k) => (paper as unknown as Record<string, unknown>)[k] !== undefined);
  for (const k of keys) if (!KNOWN.has(k)) throw new Error(`index snapshot: paper field ${k} is not stored`);
  return keys;
}

function encodePapers(papers: readonly Paper[], table: StringTable): { shapes: string[][]; arrays: [string, TypedArray][] } {
  const n = papers.length;
  const shapeIds = new Map<string, number>();
  const shapes: string[][] = [];
  const shape = new Uint16Array(n);
  const strings = Object.fromEntries(STRINGS.map((k) => [k, new Uint32Array(n)])) as Record<(typeof STRINGS)[number], Uint32Array>;
  const numbers = Object.fromEntries(NUMBERS.map((k) => [k, new Float64Array(n)])) as Record<(typeof NUMBERS)[number], Float64Array>;
  const lists = Object.fromEntries(LISTS.map((k) => [k, { starts: new Uint32Array(n + 1), items: new U32() }])) as Record<(typeof LISTS)[number], { starts: Uint32Array; items: U32 }>;
  const titleDerived = new Uint8Array(n);
  const linkStarts = new Uint32Array(n + 1);
  const linkUrls = new U32();
  const linkKinds: number[] = [];
  papers.forEach((paper, i) => {
    const keys = keysOf(paper);
    const signature = keys.join(',');
    let id = shapeIds.get(signature);
    if (id === undefined) {
      shapeIds.set(signature, (id = shapes.length));
      shapes.push(keys);
      if (id > 0xffff) throw new Error('index snapshot: too many kinds of paper record');
    }
    shape[i] = id;
    const record = paper as unknown as Record<string, unknown>;
    for (const k of STRINGS) if (record[k] !== undefined) strings[k][i] = table.add(record[k] as string);
    for (const k of NUMBERS) if (record[k] !== undefined) numbers[k][i] = record[k] as number;
    for (const k of LISTS) {
      const list = lists[k];
      for (const item of (record[k] as string[] | undefined) ?? []) list.items.push(table.add(item));
      list.starts[i + 1] = list.items.length;
    }
    titleDerived[i] = paper.titleDerived ? 1 : 0;
    for (const link of paper.links ?? []) {
      if (Object.keys(link).join(',') !== 'url,kind' || !LINK_KINDS.includes(link.kind)) throw new Error('index snapshot: a link other than { url, kind }');
      linkUrls.push(table.add(link.url));
      linkKinds.push(LINK_KINDS.indexOf(link.kind));
    }
    linkStarts[i + 1] = linkUrls.length;
  });
  return {
    shapes,
    arrays: [
      ['p.shape', shape],
      ['p.titleDerived', titleDerived],
      ...STRINGS.map((k): [string, TypedArray] => [`p.${k}`, strings[k]]),
      ...NUMBERS.map((k): [string, TypedArray] => [`p.${k}`, numbers[k]]),
      ...LISTS.flatMap((k): [string, TypedArray][] => [
        [`p.${k}.starts`, lists[k].starts],
        [`p.${k}.items`, lists[k].items.done()],
      ]),
      ['p.links.starts', linkStarts],
      ['p.links.urls', linkUrls.done()],
      ['p.links.kinds', Uint8Array.from(linkKinds)],
    ],
  };
}

interface Columns {
  /** Every string of the table. */
  s: string[];
  /** The hidden key of a record's paper number, and the getter of an abstract left in the file. */
  docKey: symbol;
  abstractOnDisk: PropertyDescriptor;
  [column: string]: unknown;
}

/**
 * A function that builds one kind of paper record as an object literal with its keys in their
 * order: V8 then gives every record of a kind one hidden class, where assigning keys one by one
 * in a loop took about half of a 100,000-paper load. The keys come from `KNOWN` only.
 *
 * An abstract left in the file is an own, enumerable getter in the key's place: the record still
 * spreads, compares and serialises like a parsed one, and reads its text when first asked for.
 * The getter is one function shared by every record (`c.abstractOnDisk`), which finds the paper by
 * a hidden own property (`c.docKey`). A getter written in the literal is a new closure per record,
 * and gives each record a hidden class of its own: at a million papers that took 2 s more to
 * load and 500 MB more heap.
 */
function recordBuilder(keys: readonly string[], abstractOnDisk: boolean): (i: number, c: Columns) => Paper {
  const value = (key: string): string => {
    if (!KNOWN.has(key)) throw new Error(`index snapshot: unknown paper field ${key}`);
    if (key === 'titleDerived') return 'c.titleDerived[i] === 1';
    if (key === 'links') return 'c.links(i)';
    if ((STRINGS as readonly string[]).includes(key)) return `c.s[c[${JSON.stringify(key)}][i]]`;
    if ((NUMBERS as readonly string[]).includes(key)) return `c[${JSON.stringify(key)}][i]`;
    return `c.list(c[${JSON.stringify(`${key}.starts`)}], c[${JSON.stringify(`${key}.items`)}], i)`;
  };
  const literal = (some: readonly string[]) => `{ ${some.map((key) => `${JSON.stringify(key)}: ${value(key)}`).join(', ')} }`;
  const at = keys.indexOf('abstract');
  if (!abstractOnDisk || at < 0) return new Function('i', 'c', `return ${literal(keys)};`) as (i: number, c: Columns) => Paper;
  // The keys after the abstract are assigned in order, so every record of the kind follows the same transitions.
  const after = keys.slice(at + 1).map((key) => `o[${JSON.stringify(key)}] = ${value(key)};`);
  const body = `const o = ${literal(keys.slice(0, at))}; Object.defineProperty(o, c.docKey, { value: i }); Object.defineProperty(o, 'abstract', c.abstractOnDisk); ${after.join(' ')} return o;`;
  return new Function('i', 'c', body) as (i: number, c: Columns) => Paper;
}

function decodePapers(n: number, shapes: string[][], strings: string[], section: (name: string) => TypedArray, abstracts: TextOnDisk): Paper[] {
  const shape = section('p.shape');
  const linkStarts = section('p.links.starts');
  const linkUrls = section('p.links.urls');
  const linkKinds = section('p.links.kinds');
  // Short lists with the same items (a corpus file's name in `sources`; no links) are one frozen array,
  // shared: a million papers otherwise built millions of identical small arrays, and each
  // object is work for every full collection. Nothing changes a paper's lists in place.
  const sharedLists = new Map<string, readonly string[]>();
  const NO_LINKS: Paper['links'] = Object.freeze([]) as unknown as Paper['links'];
  const docKey = Symbol('paper number');
  const columns: Columns = {
    s: strings,
    docKey,
    abstractOnDisk: {
      get(this: Record<symbol, number>): string {
        return abstracts.read(this[docKey]!);
      },
      enumerable: true,
      configurable: true,
    },
    titleDerived: section('p.titleDerived'),
    ...Object.fromEntries([...STRINGS, ...NUMBERS].map((k) => [k, section(`p.${k}`)])),
    ...Object.fromEntries(LISTS.flatMap((k) => [[`${k}.starts`, section(`p.${k}.starts`)], [`${k}.items`, section(`p.${k}.items`)]])),
    list(starts: Uint32Array, items: Uint32Array, i: number): readonly string[] {
      // Long lists (authors) are rarely alike: not worth a key each.
      if (starts[i + 1]! - starts[i]! > 2) {
        const list: string[] = [];
        for (let j = starts[i]!; j < starts[i + 1]!; j++) list.push(strings[items[j]!]!);
        return list;
      }
      let key = '';
      for (let j = starts[i]!; j < starts[i + 1]!; j++) key += `${items[j]!},`;
      let list = sharedLists.get(key);
      if (!list) {
        const fresh: string[] = [];
        for (let j = starts[i]!; j < starts[i + 1]!; j++) fresh.push(strings[items[j]!]!);
        sharedLists.set(key, (list = Object.freeze(fresh)));
      }
      return list;
    },
    links(i: number): Paper['links'] {
      if (linkStarts[i] === linkStarts[i + 1]) return NO_LINKS;
      const links: Paper['links'] = [];
      for (let j = linkStarts[i]!; j < linkStarts[i + 1]!; j++) links.push({ url: strings[linkUrls[j]!]!, kind: LINK_KINDS[linkKinds[j]!]! });
      return links;
    },
  };
  const builders = shapes.map((keys) => [recordBuilder(keys, false), recordBuilder(keys, true)] as const);
  const papers = new Array<Paper>(n);
  for (let i = 0; i < n; i++) papers[i] = builders[shape[i]!]![abstracts.has(i) ? 1 : 0]!(i, columns);
  return papers;
}

/**
 * Leaves in the file the abstracts stored once (not interned: INTERN_BELOW), which no other
 * field can share; `skip` marks their strings, which are then not decoded at load.
 */
function abstractsOnDisk(fd: number, at: number, column: Uint32Array, bytes: Uint32Array, units: Uint32Array): { text: TextOnDisk; skip: Uint8Array } {
  const n = column.length;
  const from = new Float64Array(n);
  const length = new Uint32Array(n);
  const ascii = new Uint8Array(n);
  const skip = new Uint8Array(bytes.length - 1);
  for (let doc = 0; doc < n; doc++) {
    const k = column[doc]!;
    if (units[k + 1]! - units[k]! < INTERN_BELOW) continue;
    skip[k] = 1;
    from[doc] = bytes[k]!;
    length[doc] = bytes[k + 1]! - bytes[k]!;
    ascii[doc] = length[doc] === units[k + 1]! - units[k]! ? 1 : 0;
  }
  return { skip, text: new TextOnDisk(fd, at, from, length, ascii) };
}

// ---- File ----------------------------------------------------------------------------------

export function saveSnapshot(file: string, key: string, snapshot: Snapshot): void {
  const { index, corpus } = snapshot;
  const table = new StringTable();
  const { shapes, arrays: paperArrays } = encodePapers(corpus.papers, table);
  const termsFrom = table.offsets.length - 1;
  // Terms, then surface words, each list in order and contiguous: not interned with the papers' strings.
  for (const t of index.terms) table.add(t, false);
  for (const w of index.surfaceWords) table.add(w, false);
  const arrays: [string, TypedArray][] = [
    ['fieldLength', index.fieldLength],
    ['stemDf', index.stemDf],
    ['surfaceDf', index.surfaceDf],
    ['compound', index.compound],
    ['surfaceStem', index.surfaceStem],
    ['streams.low', index.streams.low],
    ['streams.high', index.streams.high],
    ['streams.starts', index.streams.starts],
    ...index.fields.flatMap((f, i): [string, TypedArray][] => [
      [`f${i}.offsets`, f.offsets],
      [`f${i}.docs`, f.docs],
      [`f${i}.tfs`, f.tfs],
    ]),
    ...paperArrays,
    ['s.offsets', offsetsArray(table.offsets)],
    ['s.units', offsetsArray(table.units)],
    ['s.bytes', new Uint8Array(table.bytes.buffer, table.bytes.byteOffset, table.size)],
  ];
  const sections: Section[] = [];
  let offset = 0;
  for (const [name, array] of arrays) {
    sections.push({ name, kind: kindOf(array), offset, length: array.length });
    offset += align(array.byteLength);
  }
  const manifest: Manifest = {
    docCount: index.docCount,
    avgFieldLength: index.avgFieldLength,
    terms: index.terms.length,
    surfaceWords: index.surfaceWords.length,
    stringsBefore: termsFrom,
    shapes,
    stats: corpus.stats,
    sections,
  };
  const prefix = Buffer.from(`${MAGIC}${key}\n`);
  const json = Buffer.from(JSON.stringify(manifest));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const start = align(prefix.length + 4 + json.length);
  mkdirSync(dirname(file), { recursive: true });
  // Write then rename: a reader (or a concurrent writer) never sees half a file.
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeAll(fd, Buffer.concat([prefix, length, json, Buffer.alloc(start - prefix.length - 4 - json.length)]), 0);
      arrays.forEach(([, array], i) => writeAll(fd, new Uint8Array(array.buffer, array.byteOffset, array.byteLength), start + sections[i]!.offset));
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** The snapshot in `file` if it exists and was saved under `key`; else undefined. */
export function loadSnapshot(file: string, key: string): Snapshot | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  // Once the papers are built, the file stays open for their abstracts (text-on-disk.ts).
  let keepOpen = false;
  try {
    const prefix = Buffer.from(`${MAGIC}${key}\n`);
    const head = readAt(fd, new Uint8Array(prefix.length + 4), 0);
    if (!prefix.equals(head.subarray(0, prefix.length))) return undefined;
    const jsonLength = Buffer.from(head.buffer).readUInt32LE(prefix.length);
    const manifest = JSON.parse(Buffer.from(readAt(fd, new Uint8Array(jsonLength), prefix.length + 4)).toString('utf8')) as Manifest;
    const start = align(prefix.length + 4 + jsonLength);
    const size = fstatSync(fd).size;
    const bySection = new Map(manifest.sections.map((s) => [s.name, s]));
    // Two reads, into two buffers: the index's arrays, kept, and the papers' columns, let go once
    // the papers are built. A buffer per section made V8 collect its heap again and again while a
    // million papers loaded, each allocation counting towards its external-memory limit.
    const transient = (s: Section) => s.name.startsWith('p.') || s.name === 's.offsets' || s.name === 's.units';
    const regions = [manifest.sections.filter((s) => !transient(s) && s.name !== 's.bytes'), manifest.sections.filter(transient)].map((sections) => {
      const from = Math.min(...sections.map((s) => s.offset));
      const to = Math.max(...sections.map((s) => s.offset + s.length * KINDS[s.kind].BYTES_PER_ELEMENT));
      if (start + to > size) throw new Error(`index snapshot ${file}: truncated`);
      const buffer = new ArrayBuffer(to - from);
      readAt(fd, new Uint8Array(buffer), start + from);
      return { from, buffer, names: new Set(sections.map((s) => s.name)) };
    });
    const section = (name: string): TypedArray => {
      const s = bySection.get(name);
      const region = regions.find((r) => r.names.has(name));
      if (!s || !region) throw new Error(`index snapshot ${file}: no section ${name}`);
      return new KINDS[s.kind](region.buffer, s.offset - region.from, s.length);
    };
    const stringBytes = section('s.offsets') as Uint32Array;
    const stringUnits = section('s.units') as Uint32Array;
    const textAt = start + bySection.get('s.bytes')!.offset;
    const abstracts = abstractsOnDisk(fd, textAt, section('p.abstract') as Uint32Array, stringBytes, stringUnits);
    const strings = readStrings(fd, stringBytes, stringUnits, textAt, file, size, abstracts.skip);
    const fields: FieldPostings[] = [0, 1, 2].map((i) => ({
      offsets: section(`f${i}.offsets`) as Uint32Array,
      docs: section(`f${i}.docs`) as Uint32Array,
      tfs: section(`f${i}.tfs`) as Uint16Array,
    }));
    const papers = decodePapers(manifest.docCount, manifest.shapes, strings, section, abstracts.text);
    const termsFrom = manifest.stringsBefore;
    abstracts.text.own();
    keepOpen = true;
    return {
      corpus: { papers, stats: manifest.stats },
      index: {
        docCount: manifest.docCount,
        terms: strings.slice(termsFrom, termsFrom + manifest.terms),
        fields,
        fieldLength: section('fieldLength') as Uint16Array,
        avgFieldLength: manifest.avgFieldLength,
        stemDf: section('stemDf') as Uint32Array,
        surfaceWords: strings.slice(termsFrom + manifest.terms, termsFrom + manifest.terms + manifest.surfaceWords),
        surfaceDf: section('surfaceDf') as Uint32Array,
        compound: section('compound') as Uint8Array,
        surfaceStem: section('surfaceStem') as Uint32Array,
        streams: { low: section('streams.low') as Uint16Array, high: section('streams.high') as Uint8Array, starts: section('streams.starts') as Uint32Array },
      },
    };
  } finally {
    if (!keepOpen) closeSync(fd);
  }
}

/** True when `file` is a snapshot saved under `key`. Reads only the first line: a stale multi-hundred-megabyte snapshot is not read whole. */
export function hasKey(file: string, key: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const expected = `${MAGIC}${key}\n`;
    const head = Buffer.alloc(expected.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString() === expected;
  } finally {
    closeSync(fd);
  }
}

/**
 * Every string of the table, read a window of the file (about 1 MB) at a time, so the bytes of a
 * million papers are never in memory all at once. A string as long in UTF-16 code units as in
 * bytes is ASCII. Each run of ASCII strings is decoded as Latin-1 (a copy: UTF-8 decoding runs at a
 * few hundred MB/s) into one string, and each string of the run is a slice of it, which V8 keeps
 * as a view when it is long. Other strings are decoded from UTF-8 one by one. Strings marked in
 * `skip` (abstracts left in the file) are not decoded.
 */
function readStrings(fd: number, bytes: Uint32Array, units: Uint32Array, at: number, file: string, size: number, skip: Uint8Array): string[] {
  const count = bytes.length - 1;
  const total = bytes[count] ?? 0;
  if (at + total > size || units.length !== bytes.length) throw new Error(`index snapshot ${file}: truncated`);
  const strings = new Array<string>(count);
  const WINDOW = 1 << 20;
  let buffer = Buffer.allocUnsafe(Math.min(WINDOW, total));
  const ascii = (k: number) => bytes[k + 1]! - bytes[k]! === units[k + 1]! - units[k]!;
  for (let i = 0; i < count; ) {
    let j = i + 1;
    while (j < count && bytes[j + 1]! - bytes[i]! <= WINDOW) j++;
    const length = bytes[j]! - bytes[i]!;
    if (length > buffer.length) buffer = Buffer.allocUnsafe(length);
    readAt(fd, buffer.subarray(0, length), at + bytes[i]!);
    const origin = bytes[i]!;
    for (let k = i; k < j; ) {
      if (skip[k] === 1) {
        strings[k] = ''; // left in the file, read on demand (text-on-disk.ts)
        k++;
        continue;
      }
      if (!ascii(k)) {
        strings[k] = buffer.toString('utf8', bytes[k]! - origin, bytes[k + 1]! - origin);
        if (strings[k]!.length !== units[k + 1]! - units[k]!) throw new Error(`index snapshot ${file}: garbled text`);
        k++;
        continue;
      }
      let end = k + 1;
      while (end < j && ascii(end) && skip[end] !== 1) end++;
      const run = buffer.toString('latin1', bytes[k]! - origin, bytes[end]! - origin);
      for (let m = k; m < end; m++) strings[m] = run.slice(bytes[m]! - bytes[k]!, bytes[m + 1]! - bytes[k]!);
      k = end;
    }
    i = j;
  }
  return strings;
}

function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, Math.min(bytes.length - done, 1 << 30), position + done);
}

function offsetsArray(offsets: number[]): Uint32Array {
  if ((offsets[offsets.length - 1] ?? 0) > 0xffffffff) throw new Error('index snapshot: more than 4 GB of text');
  return Uint32Array.from(offsets);
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}
