/** Vectors as stored: Float32 little-endian bytes, the same in SQLite's BLOB and Postgres's BYTEA. */
import { endianness } from 'node:os';

const LITTLE = endianness() === 'LE';

export function vectorToBytes(vector: Float32Array): Buffer {
  const bytes = Buffer.alloc(vector.length * 4);
  if (LITTLE) Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).copy(bytes);
  else vector.forEach((x, i) => bytes.writeFloatLE(x, i * 4));
  return bytes;
}

/** A copy: the driver's buffer may be a view into a larger, unaligned one. */
export function bytesToVector(bytes: Uint8Array, dimensions: number): Float32Array {
  if (bytes.byteLength !== dimensions * 4) throw new Error(`store: a vector of ${dimensions} numbers takes ${dimensions * 4} bytes, not ${bytes.byteLength}`);
  const out = new Float32Array(dimensions);
  if (LITTLE) new Uint8Array(out.buffer).set(bytes);
  else {
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < dimensions; i++) out[i] = view.readFloatLE(i * 4);
  }
  return out;
}
