import { createHash } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 base32 (lowercase, unpadded) of the first bits of `bytes`, `length` characters long. */
function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
    if (out.length >= length) break;
  }
  return out;
}

/** `p` + base32 of SHA-256(merge key): depends on content only, never on file order. */
export function paperId(key: string, length = 7): string {
  return `p${base32(createHash('sha256').update(key, 'utf8').digest(), length)}`;
}
