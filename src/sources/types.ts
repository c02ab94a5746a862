/** Shapes shared by the network paper sources (Hugging Face Daily Papers, the arXiv API). */

/** Known sources by name; other names stay allowed so new sources need no change here. */
export type SourceName = 'hf' | 'arxiv' | string;

export interface SourceLink {
  url: string;
  kind: 'code' | 'project';
}

/** One paper as a source describes it, normalised; fields a source does not know are absent. */
export interface SourcePaper {
  /** 'hf' | 'arxiv' */
  source: SourceName;
  /** Canonical, version stripped: '2103.03230' or old-style 'hep-th/9901001'. */
  arxivId?: string;
  /** HF paper page id (equals the arXiv id on HF). */
  hfId?: string;
  /** Whitespace-collapsed; items without one are reported as warnings instead. */
  title: string;
  /** Whitespace-collapsed; items without one are reported as warnings instead. */
  abstract: string;
  /** Names in order. */
  authors?: string[];
  /** YYYY-MM-DD */
  published?: string;
  /** YYYY-MM-DD (arXiv) */
  updated?: string;
  /** HF only. */
  upvotes?: number;
  /** HF numComments. */
  comments?: number;
  /** HF ai_summary. */
  summary?: string;
  /** HF ai_keywords. */
  keywords?: string[];
  /** arXiv categories, primary first. */
  categories?: string[];
  /** HF githubRepo -> code, projectPage -> project. */
  links: SourceLink[];
}

export interface SourceWarning {
  source: SourceName;
  /** The item's id, or `#index` when it has none. */
  item?: string;
  message: string;
}

export interface SourceBatch {
  papers: SourcePaper[];
  warnings: SourceWarning[];
}
