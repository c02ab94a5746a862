/** Network paper sources: Hugging Face Daily Papers and the arXiv API, over one polite HTTP client. */
export type { SourceBatch, SourceLink, SourceName, SourcePaper, SourceWarning } from './types.js';
export { arxivLinks, canonicalArxivId, type ArxivLinks } from '../core/arxiv-id.js';
export { SourceError, type SourceErrorKind } from './errors.js';
export { HttpClient, type HttpClientOptions, type HttpResponse, type RequestOptions } from './http.js';
export { createHfSource, normaliseHfItem, normaliseHfPaper, type HfDayBatch, type HfSource, type HfSourceOptions } from './hf.js';
export {
  createArxivSource,
  parseArxivFeed,
  type ArxivFeed,
  type ArxivSource,
  type ArxivSourceOptions,
  type FetchRecentOptions,
} from './arxiv.js';
