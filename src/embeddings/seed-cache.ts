/**
 * The seed corpus's vectors, cached in the cache folder beside the index snapshot: the seed papers
 * are not in the store, and computing their vectors again at every start costs seconds at
 * 100,000 papers (LSA) or a round of requests (a remote model). With the LSA model, the cache also
 * holds the model itself, so a restart neither trains nor folds in again.
 *
 * Keyed by the corpus snapshot's key (the corpus files and the indexing code) and the model's
 * name: any change to either and the cache is ignored, then rewritten. A file that cannot be read
 * is only a missed shortcut.
 *
 * Layout: a text line `PBEV3 <header length>`, the JSON header, then the raw arrays, each 4-byte
 * aligned: the flags of papers with a vector (u8), their vectors' 8-bit codes (i8, rows padded to
 * a multiple of 16) and scales (f32) as paper-vectors.ts keeps them, and for LSA the model's idf,
 * basis and singular values (f32).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LsaModel } from '../search/lsa.js';
import { PaperVectors } from '../search/paper-vectors.js';
import { readAt } from '../search/read-at.js';

const MAGIC = 'PBEV3';

export interface SeedVectors {
  /** The corpus snapshot key the vectors are for. */
  key: string;
  model: string;
  dimensions: number;
  /** The seed papers' vectors, in corpus order. */
  vectors: PaperVectors;
  /** The LSA model that made them, when it is LSA. */
  lsa?: LsaModel;
}

interface Header {
  key: string;
  model: string;
  dimensions: number;
  count: number;
  lsa?: { dimensions: number; terms: string[]; corpusSize: number; trainedOn: number };
}

/** The cache file for a corpus folder and kind of model: one per folder and kind, overwritten when stale. */
export function seedVectorFile(cacheDir: string, dataDir: string, kind: string): string {
  const folder = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const safeKind = kind.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
  return join(cacheDir, `vectors-${folder}-${safeKind}.pbev`);
}

const pad4 = (n: number) => (n + 3) & ~3;

export function saveSeedVectors(file: string, seed: SeedVectors): void {
  const count = seed.vectors.count;
  const header: Header = {
    key: seed.key,
    model: seed.model,
    dimensions: seed.dimensions,
    count,
    ...(seed.lsa ? { lsa: { dimensions: seed.lsa.dimensions, terms: [...seed.lsa.terms], corpusSize: seed.lsa.corpusSize, trainedOn: seed.lsa.trainedOn } } : {}),
  };
  const json = Buffer.from(JSON.stringify(header));
  const arrays: Uint8Array[] = [seed.vectors.present, bytes(seed.vectors.codes), bytes(seed.vectors.scales), ...(seed.lsa ? [bytes(seed.lsa.idf), bytes(seed.lsa.basis), bytes(seed.lsa.singularValues)] : [])];
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    const head = Buffer.from(`${MAGIC} ${json.length}\n`);
    let at = 0;
    const write = (data: Uint8Array) => {
      writeSync(fd, data, 0, data.length, at);
      at += data.length;
    };
    write(head);
    write(json);
    for (const array of arrays) {
      at = pad4(at);
      write(array);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/**
 * The cached vectors when the file is there, whole, and for this corpus key; undefined otherwise.
 * Each array is read from the file straight into its place: at a million papers the file is
 * 130 MB, and every extra copy made V8 collect its heap again.
 */
export function loadSeedVectors(file: string, key: string): SeedVectors | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    const start = readAt(fd, Buffer.alloc(Math.min(64, size)), 0);
    const newline = start.indexOf(10);
    const m = new RegExp(`^${MAGIC} (\\d+)$`).exec(start.subarray(0, Math.max(0, newline)).toString());
    if (newline < 0 || !m) return undefined;
    let at = newline + 1;
    const headerLength = Number(m[1]);
    if (at + headerLength > size) throw new Error('truncated');
    const header = JSON.parse(readAt(fd, Buffer.alloc(headerLength), at).toString()) as Header;
    if (header.key !== key) return undefined;
    at += headerLength;
    const take = <T extends Uint8Array | Int8Array | Float32Array>(into: T): T => {
      at = pad4(at);
      if (at + into.byteLength > size) throw new Error('truncated');
      readAt(fd, bytes(into), at);
      at += into.byteLength;
      return into;
    };
    const vectors = PaperVectors.filled(header.model, header.dimensions, header.count, (codes, scales, present) => {
      take(present);
      take(codes);
      take(scales);
    });
    let lsa: LsaModel | undefined;
    if (header.lsa) {
      const { dimensions, terms, corpusSize, trainedOn } = header.lsa;
      const idf = take(new Float32Array(terms.length));
      const basis = take(new Float32Array(terms.length * dimensions));
      const singularValues = take(new Float32Array(dimensions));
      lsa = { dimensions, terms, idf, basis, singularValues, corpusSize, trainedOn };
    }
    return { key: header.key, model: header.model, dimensions: header.dimensions, vectors, ...(lsa ? { lsa } : {}) };
  } catch {
    // A half-written or foreign file: rebuild.
    rmSync(file, { force: true });
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function bytes(array: Float32Array | Int8Array | Uint8Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
