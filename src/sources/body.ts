/** Reading response bodies without trusting their size. */
import { SourceError } from './errors.js';

/** Cancelling a body we no longer want; the stream may already be closed, which is fine. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * The body as UTF-8 text, refusing more than `maxBytes`: early on a larger Content-Length, else
 * as soon as the stream passes the limit (Content-Length is absent when chunked, and counts
 * compressed bytes when gzipped, so the stream is the real check).
 */
export async function readLimited(response: Response, maxBytes: number, target: string): Promise<string> {
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    await discard(response);
    throw new SourceError('too_large', `${target}: declared ${declared} bytes, over the ${maxBytes} byte limit`, {
      status: response.status,
    });
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new SourceError('too_large', `${target}: response over the ${maxBytes} byte limit`, {
        status: response.status,
      });
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** At most the first `maxBytes` of the body, for an error message; read failures give what arrived. */
export async function readPrefix(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
    }
  } catch {
    // A broken error body is not worth a second error; the status says enough.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks).subarray(0, maxBytes));
}
