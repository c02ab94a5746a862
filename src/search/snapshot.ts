/**
 * Index snapshots: the parsed corpus and its compact index saved as one file, so a start-up
 * reads bytes instead of parsing and tokenising every paper again (seconds at 100,000 papers).
 *
 * A snapshot is keyed by a hash of the corpus files and of the code that shapes the index
 * (corpus parsing, tokenisation, index layout): any change to either makes it stale, and it is
 * rebuilt. Layout: one text line `PBIX<format> <key>`, a uint32 header length, a JSON header
 * (corpus, term lists, section table), then the typed arrays, each 8-byte aligned.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from '../corpus/paper.js';
import type { FieldPostings, IndexData } from './postings.js';

/** Bump when the snapshot layout changes (2: compound flags per term). */
const FORMAT = 2;
const MAGIC = `PBIX${FORMAT} `;

type ArrayKind = 'u32' | 'u16' | 'u8';
type TypedArray = Uint32Array | Uint16Array | Uint8Array;
interface Section {
  name: string;
  kind: ArrayKind;
  offset: number;
  length: number;
}
interface Header {
  docCount: number;
  avgFieldLength: number[];
  terms: string;
  surfaceWords: string;
  corpus: Corpus;
  sections: Section[];
}

export interface Snapshot {
  corpus: Corpus;
  index: IndexData;
}

/** Hash of the corpus files (names and bytes, sorted by name) and of the indexing code. */
export function snapshotKey(dataDir: string): string {
  const hash = createHash('sha256').update(`format ${FORMAT}\n${codeVersion()}\n`);
  for (const name of readdirSync(dataDir).filter((n) => n.endsWith('.txt') || n === 'sources.json').sort()) {
    hash.update(`${name}\n`).update(readFileSync(join(dataDir, name))).update('\n');
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

export function saveSnapshot(file: string, key: string, snapshot: Snapshot): void {
  const { index, corpus } = snapshot;
  const arrays: [string, TypedArray][] = [
    ['fieldLength', index.fieldLength],
    ['stemDf', index.stemDf],
    ['surfaceDf', index.surfaceDf],
    ['compound', index.compound],
    ...index.fields.flatMap((f, i): [string, TypedArray][] => [
      [`f${i}.offsets`, f.offsets],
      [`f${i}.docs`, f.docs],
      [`f${i}.tfs`, f.tfs],
    ]),
  ];
  const sections: Section[] = [];
  let offset = 0;
  for (const [name, array] of arrays) {
    sections.push({ name, kind: array instanceof Uint16Array ? 'u16' : array instanceof Uint8Array ? 'u8' : 'u32', offset, length: array.length });
    offset += align(array.byteLength);
  }
  const header: Header = {
    docCount: index.docCount,
    avgFieldLength: index.avgFieldLength,
    terms: index.terms.join('\n'),
    surfaceWords: index.surfaceWords.join('\n'),
    corpus,
    sections,
  };
  const prefix = Buffer.from(`${MAGIC}${key}\n`);
  const json = Buffer.from(JSON.stringify(header));
  const start = align(prefix.length + 4 + json.length);
  const out = Buffer.alloc(start + offset);
  prefix.copy(out, 0);
  out.writeUInt32LE(json.length, prefix.length);
  json.copy(out, prefix.length + 4);
  arrays.forEach(([, array], i) => {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), start + sections[i]!.offset);
  });
  mkdirSync(dirname(file), { recursive: true });
  // Write then rename: a reader (or a concurrent writer) never sees half a file.
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(tmp, out);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** The snapshot in `file` if it exists and was saved under `key`; else undefined. */
export function loadSnapshot(file: string, key: string): Snapshot | undefined {
  if (!hasKey(file, key)) return undefined;
  const buf = readFileSync(file);
  const prefixLength = MAGIC.length + key.length + 1;
  const jsonLength = buf.readUInt32LE(prefixLength);
  const header = JSON.parse(buf.toString('utf8', prefixLength + 4, prefixLength + 4 + jsonLength)) as Header;
  const start = align(prefixLength + 4 + jsonLength);
  // Copies, not views: views would keep the whole file buffer (and its JSON bytes) alive.
  const section = (name: string): TypedArray => {
    const s = header.sections.find((x) => x.name === name);
    if (!s) throw new Error(`index snapshot ${file}: no section ${name}`);
    const bytes = buf.subarray(start + s.offset, start + s.offset + s.length * (s.kind === 'u16' ? 2 : s.kind === 'u8' ? 1 : 4));
    const copy = new Uint8Array(bytes).buffer;
    return s.kind === 'u16' ? new Uint16Array(copy) : s.kind === 'u8' ? new Uint8Array(copy) : new Uint32Array(copy);
  };
  const fields: FieldPostings[] = [0, 1, 2].map((i) => ({
    offsets: section(`f${i}.offsets`) as Uint32Array,
    docs: section(`f${i}.docs`) as Uint32Array,
    tfs: section(`f${i}.tfs`) as Uint16Array,
  }));
  const split = (s: string) => (s ? s.split('\n') : []);
  return {
    corpus: header.corpus,
    index: {
      docCount: header.docCount,
      terms: split(header.terms),
      fields,
      fieldLength: section('fieldLength') as Uint16Array,
      avgFieldLength: header.avgFieldLength,
      stemDf: section('stemDf') as Uint32Array,
      surfaceWords: split(header.surfaceWords),
      surfaceDf: section('surfaceDf') as Uint32Array,
      compound: section('compound') as Uint8Array,
    },
  };
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

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}
