/**
 * What a digest adds to relevance where the data has it: popularity (upvotes) and freshness
 * (publication date), both relative to the corpus itself, so a seed corpus without upvotes or
 * dates gets a neutral prior (1 for every paper) and relevance alone decides.
 */
import type { Paper } from '../corpus/paper.js';

/** Weight of each prior at its maximum: relevance stays first, the prior breaks near-ties. */
const POPULARITY_WEIGHT = 0.25;
const FRESHNESS_WEIGHT = 0.25;
/** A paper this many days older than the newest one counts half as fresh. */
const FRESHNESS_HALF_LIFE_DAYS = 30;
/** "This week": published within this many days of the newest paper. */
const WEEK_DAYS = 7;
const DAY_MS = 86_400_000;

export class PaperPriors {
  private readonly logMaxUpvotes: number;
  private readonly newest: number;

  constructor(papers: readonly Paper[]) {
    let maxUpvotes = 0;
    let newest = Number.NEGATIVE_INFINITY;
    for (const p of papers) {
      if ((p.upvotes ?? 0) > maxUpvotes) maxUpvotes = p.upvotes!;
      const day = dayOf(p);
      if (day > newest) newest = day;
    }
    this.logMaxUpvotes = Math.log1p(maxUpvotes);
    this.newest = newest;
  }

  /** 0 to 1: upvotes on a log scale, against the most upvoted paper of the corpus. */
  popularity(p: Paper): number {
    return this.logMaxUpvotes > 0 && p.upvotes ? Math.log1p(p.upvotes) / this.logMaxUpvotes : 0;
  }

  /** 0 to 1: halves every FRESHNESS_HALF_LIFE_DAYS before the corpus's newest publication date; 0 undated. */
  freshness(p: Paper): number {
    const day = dayOf(p);
    return Number.isFinite(day) ? 0.5 ** ((this.newest - day) / FRESHNESS_HALF_LIFE_DAYS) : 0;
  }

  /** Published within a week of the corpus's newest paper. */
  thisWeek(p: Paper): boolean {
    const day = dayOf(p);
    return Number.isFinite(day) && this.newest - day < WEEK_DAYS;
  }

  /** The multiplier of a paper's relevance: 1 with neither upvotes nor a date, at most 1.5. */
  prior(p: Paper): number {
    return 1 + POPULARITY_WEIGHT * this.popularity(p) + FRESHNESS_WEIGHT * this.freshness(p);
  }
}

/** Days since the epoch of the publication date, -Infinity when undated. */
function dayOf(p: Paper): number {
  const ms = p.published ? Date.parse(p.published) : Number.NaN;
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms / DAY_MS;
}
