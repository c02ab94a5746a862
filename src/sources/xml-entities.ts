/**
 * Entity decoding for fast-xml-parser: the five XML entities and numeric character references
 * (`&#233;`, `&#x2014;`), which v5 leaves undecoded by default. DOCTYPE-declared entities are
 * ignored on purpose: a feed has no need for them, and expanding them invites entity bombs.
 */
import type { X2jOptions } from 'fast-xml-parser';

type EntityDecoder = NonNullable<X2jOptions['entityDecoder']>;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi;

function decodeReference(reference: string, body: string): string {
  if (!body.startsWith('#')) return XML_ENTITIES[body] ?? reference;
  const hex = body[1] === 'x' || body[1] === 'X';
  const codePoint = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
  return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : reference;
}

export const xmlEntityDecoder: EntityDecoder = {
  decode: (text) => text.replace(REFERENCE, decodeReference),
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
};
