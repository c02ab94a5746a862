/**
 * Memoises `library.digest` for the fan-out: thousands of channels due at one minute mostly ask
 * the same question (same topic, same count, same history — often none), and one digest costs
 * milliseconds on a real corpus. Results are keyed by the library instance, so a corpus reload
 * starts a fresh cache; the cache is dropped whole when it fills.
 */
import type { DigestItem, PaperLibrary } from '../core/library.js';

export function digestMemo(limit = 5000): (library: PaperLibrary) => PaperLibrary {
  const caches = new WeakMap<PaperLibrary, { wrapped: PaperLibrary; results: Map<string, DigestItem[]> }>();
  return (library) => {
    let entry = caches.get(library);
    if (!entry) {
      const results = new Map<string, DigestItem[]>();
      const digest: PaperLibrary['digest'] = (query, count, options) => {
        const exclude = options?.exclude ? [...options.exclude].sort().join(',') : '';
        const key = `${count}\u0000${query}\u0000${exclude}`;
        let items = results.get(key);
        if (!items) {
          if (results.size >= limit) results.clear();
          items = library.digest(query, count, options);
          results.set(key, items);
        }
        return items;
      };
      // Everything else is the library itself; only `digest` is intercepted.
      entry = { wrapped: Object.create(library, { digest: { value: digest } }) as PaperLibrary, results };
      caches.set(library, entry);
    }
    return entry.wrapped;
  };
}
