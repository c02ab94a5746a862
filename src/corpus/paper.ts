/** A research paper after parsing, normalising and merging all its copies. */
export interface Paper {
  /** Short stable ID derived from the abstract, e.g. `p7k2m9qx`. Survives file reordering and re-parsing. */
  id: string;
  /** Display title: the raw title with whitespace normalised, or a derived one. Never empty. */
  title: string;
  /** True when no copy had a title and `title` was derived from the abstract. */
  titleDerived: boolean;
  /** Normalised abstract text. */
  abstract: string;
  /** Number of authors, when a copy listed it (or the length of `authorNames`). */
  authors?: number;
  /** Author names in order, when a source gave them. */
  authorNames?: string[];
  /** arXiv identifier without version, e.g. `2103.03230`; also the Hugging Face paper page id. */
  arxivId?: string;
  /** The source's own short summary (Hugging Face `ai_summary`). */
  summary?: string;
  /** Keywords from the source (Hugging Face `ai_keywords`). */
  keywords?: string[];
  /** arXiv categories, primary first. */
  categories?: string[];
  /** When paperbot first stored the paper (ISO instant); absent for seed papers never ingested. */
  firstSeen?: string;
  /** Publication date as `YYYY-MM-DD`, when a copy listed it. */
  published?: string;
  /** Upvotes on the Daily Papers page (highest seen across copies). */
  upvotes?: number;
  /** Links found in the abstract, cleaned of trailing punctuation. */
  links: PaperLink[];
  /** Corpus file names or source names (`hf`, `arxiv`) this paper was read from. */
  sources: string[];
}

export interface PaperLink {
  url: string;
  kind: 'code' | 'project';
}

/** A problem found while reading the corpus; never dropped silently. */
export interface CorpusWarning {
  file: string;
  line?: number;
  message: string;
}

export interface CorpusFileStats {
  file: string;
  layout: string;
  entries: number;
  capturedOn?: string;
}

export interface Corpus {
  papers: Paper[];
  stats: {
    entries: number;
    papers: number;
    duplicatesMerged: number;
    derivedTitles: number;
    files: CorpusFileStats[];
    warnings: CorpusWarning[];
  };
}
