import { readSync } from 'node:fs';

/** Fills `into` with the bytes of open file `fd` from `position` on; throws at a premature end of file. */
export function readAt(fd: number, into: Uint8Array, position: number): Uint8Array {
  for (let done = 0; done < into.length; ) {
    const n = readSync(fd, into, done, Math.min(into.length - done, 1 << 30), position + done);
    if (n === 0) throw new Error('unexpected end of file');
    done += n;
  }
  return into;
}
