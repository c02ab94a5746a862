/** Conditional GET (RFC 9110 §13): remember a URL's validators, send them back next time. */
import { BoundedMap } from './bounded-map.js';

interface Validators {
  etag?: string;
  lastModified?: string;
}

export class ValidatorCache {
  private readonly byUrl: BoundedMap<string, Validators>;

  constructor(maxUrls = 1000) {
    this.byUrl = new BoundedMap(maxUrls);
  }

  /** Keeps the ETag / Last-Modified of a successful answer; answers without either are forgotten. */
  remember(url: string, headers: Headers): void {
    const etag = headers.get('etag') ?? undefined;
    const lastModified = headers.get('last-modified') ?? undefined;
    if (etag === undefined && lastModified === undefined) this.byUrl.delete(url);
    else this.byUrl.set(url, { etag, lastModified });
  }

  /** Forgets every URL: the next requests fetch whole answers again. */
  clear(): void {
    this.byUrl.clear();
  }

  /** Adds If-None-Match / If-Modified-Since for a URL answered before. */
  apply(url: string, headers: Headers): void {
    const known = this.byUrl.get(url);
    if (known?.etag !== undefined) headers.set('if-none-match', known.etag);
    if (known?.lastModified !== undefined) headers.set('if-modified-since', known.lastModified);
  }
}
