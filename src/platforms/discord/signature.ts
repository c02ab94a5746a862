/**
 * Discord signs every request to an interactions endpoint with the application's Ed25519 key:
 * `X-Signature-Ed25519` is the hex signature of `X-Signature-Timestamp` followed by the raw body.
 * Discord checks endpoints by sending invalid signatures on purpose: those must get a 401.
 * Node's own crypto verifies Ed25519; the key is the 32 raw bytes of the Developer Portal's
 * "Public Key" in an SPKI wrapper.
 * @see https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER prefix of an SPKI structure holding an Ed25519 key (RFC 8410): the 32 key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Requests signed longer ago (or further ahead) than this are refused: a captured request cannot be replayed later. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

const HEX_KEY = /^[0-9a-f]{64}$/i;

/**
 * Points of small order, such as all zeros: OpenSSL accepts signatures made without any private
 * key for them, so a placeholder like 000…0 would let anyone in. No real application key is one.
 */
const WEAK_KEYS: ReadonlySet<string> = new Set([
  '0100000000000000000000000000000000000000000000000000000000000000',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0000000000000000000000000000000000000000000000000000000000000080',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85',
]);
const HEX_SIGNATURE = /^[0-9a-f]{128}$/i;
const TIMESTAMP = /^\d{1,12}$/;

/** The public key from its 64 hex characters; throws if they are not a usable Ed25519 key. */
export function ed25519PublicKey(hex: string): KeyObject {
  if (!HEX_KEY.test(hex)) throw new Error('an Ed25519 public key is 64 hex characters');
  if (WEAK_KEYS.has(hex.toLowerCase())) throw new Error('a point of small order is not a usable public key');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/** Whether the hex string is a usable Ed25519 public key (for the configuration check). */
export function isEd25519PublicKey(hex: string): boolean {
  try {
    ed25519PublicKey(hex);
    return true;
  } catch {
    return false;
  }
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'invalid' };

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/** Checks a request's signature and its age; `nowMs` is the current time. */
export function checkSignature(key: KeyObject, request: SignedRequest, nowMs = Date.now()): SignatureCheck {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp) return { ok: false, reason: 'missing' };
  if (!HEX_SIGNATURE.test(signature) || !TIMESTAMP.test(timestamp)) return { ok: false, reason: 'malformed' };
  let valid: boolean;
  try {
    valid = verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'invalid' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return { ok: false, reason: 'stale' };
  return { ok: true };
}
