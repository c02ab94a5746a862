/**
 * Texts left in a file and read when asked for: the abstracts of papers loaded from a snapshot.
 * At a million papers they are a gigabyte; as strings they were most of the heap, and decoding
 * them most of the load. A paper's abstract is read when something shows or searches its text
 * (a result card, a phrase the token streams cannot decide), a few kilobytes a query.
 *
 * The file stays open while any text of it may still be asked for: its descriptor is closed once
 * the reader is garbage (every paper of that load gone). A snapshot rewritten meanwhile is a new
 * file renamed over the old one, so an open descriptor keeps reading the text it was opened on.
 */
import { closeSync } from 'node:fs';
import { readAt } from './read-at.js';

const closeWhenGone = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing to release.
  }
});

export class TextOnDisk {
  /**
   * Text `k` is the bytes `at + from[k] .. at + from[k] + bytes[k]` of the file open as `fd`;
   * `ascii[k]` is 1 when those bytes are ASCII (decoded as Latin-1, a plain copy), else UTF-8.
   */
  constructor(
    private readonly fd: number,
    private readonly at: number,
    private readonly from: Float64Array,
    private readonly bytes: Uint32Array,
    private readonly ascii: Uint8Array,
  ) {}

  /** Takes charge of the file: it is closed once this reader is garbage. */
  own(): void {
    closeWhenGone.register(this, this.fd);
  }

  /** True when text `k` is in the file (texts left there are never empty). */
  has(k: number): boolean {
    return this.bytes[k]! > 0;
  }

  read(k: number): string {
    const length = this.bytes[k]!;
    if (length === 0) return '';
    const buffer = readAt(this.fd, Buffer.allocUnsafe(length), this.at + this.from[k]!) as Buffer;
    return buffer.toString(this.ascii[k] === 1 ? 'latin1' : 'utf8');
  }
}
