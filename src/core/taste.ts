/**
 * A channel's taste, learnt from its 👍 and 👎 votes, in the spirit of arxiv-sanity: logistic
 * regression over the words of each paper's title and abstract. It re-ranks the channel's digests
 * among papers that are already on topic; it never decides what the topic is.
 *
 * Features are the paper's distinct content words (lower-cased, a plural `s` dropped), weighted by
 * how rare they are in the collection (IDF) and scaled to unit length, so a channel's few votes
 * are read through the words that set papers apart rather than the ones every abstract uses.
 * Training is plain gradient descent with an L2 penalty: deterministic, and fast for the few
 * hundred votes a channel gives.
 */
import type { Paper } from '../corpus/paper.js';
import type { ChannelVote, FeedbackLog } from './feedback.js';
import type { DigestItem } from './library.js';

export interface TasteModel {
  /** Word weights; positive means the channel likes papers with that word. */
  weights: ReadonlyMap<string, number>;
  /** Papers voted on, by net vote. */
  liked: string[];
  disliked: string[];
  /** How strongly the model may move a digest: 0 until the channel has voted on enough papers. */
  strength: number;
}

/** Below this many papers voted on, digests are ranked by relevance alone. */
export const MIN_VOTED_PAPERS = 3;
/** The most taste may add to a paper's relevance (which is at most 1). */
const MAX_STRENGTH = 0.6;
/** Taste chooses only among papers at least this relevant, relative to the best. */
const RELEVANCE_FLOOR = 0.5;
/** How much the disliked centroid pulls the starting weights away (Rocchio's γ relative to β). */
const ROCCHIO_NEGATIVE = 0.25;
const EPOCHS = 150;
const LEARNING_RATE = 0.8;
const L2 = 0.01;

const STOP_WORDS = new Set(
  (
    'the and for with that this from are our its their which these those into onto over under than then there here such can could may might will would ' +
    'has have had been being was were also only both each more most other some any all not but via using use used based new show shows propose proposed ' +
    'paper approach method methods model models results result task tasks work performance state art while when where what how however further'
  ).split(' '),
);

/** The distinct content words of a paper's title and abstract. */
export function paperWords(paper: Pick<Paper, 'title' | 'abstract'>): Set<string> {
  const words = new Set<string>();
  for (const raw of `${paper.title} ${paper.abstract}`.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    // Words of letters, and dimensions (2d, 3d); numbers and codes (1e17, 7b) say nothing of a topic.
    if (!(/^\p{L}{3,}$/u.test(raw) || /^\dd$/.test(raw)) || STOP_WORDS.has(raw)) continue;
    // models → model, diffusions → diffusion; short words (gas, bias) stay as they are.
    words.add(raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
  }
  return words;
}

/** A paper as taste sees it: its words with their weights, unit length. */
export type Features = ReadonlyMap<string, number>;
export type FeaturesOf = (paper: Paper) => Features;

/** Document frequencies come from at most this many papers, spread over the collection: plenty for IDF. */
const IDF_SAMPLE = 5000;
const featureCache = new WeakMap<readonly Paper[], FeaturesOf>();

/** IDF-weighted word features over a collection, built once per collection (a reload starts anew). */
export function featuresFor(papers: readonly Paper[]): FeaturesOf {
  const cached = featureCache.get(papers);
  if (cached) return cached;
  const step = Math.max(1, Math.floor(papers.length / IDF_SAMPLE));
  const df = new Map<string, number>();
  let n = 0;
  for (let i = 0; i < papers.length; i += step, n++) for (const word of paperWords(papers[i]!)) df.set(word, (df.get(word) ?? 0) + 1);
  const features: FeaturesOf = (paper) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const word of paperWords(paper)) {
      const weight = Math.log((1 + n) / (1 + (df.get(word) ?? 0))) + 1;
      vector.set(word, weight);
      norm += weight * weight;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [word, weight] of vector) vector.set(word, weight * scale);
    return vector;
  };
  featureCache.set(papers, features);
  return features;
}

/** How much the channel would like a paper: positive when it would. */
export function tasteScore(model: Pick<TasteModel, 'weights'>, features: Features): number {
  let sum = 0;
  for (const [word, x] of features) sum += (model.weights.get(word) ?? 0) * x;
  return sum;
}

/** What taste needs of the library: papers by id, and the whole collection for word rarity. */
export interface TasteLibrary {
  readonly papers: readonly Paper[];
  get(id: string): Paper | undefined;
}

/** Learns a channel's taste from its votes; papers no longer in the library are left out. */
export function trainTaste(votes: readonly ChannelVote[], library: TasteLibrary, options: { epochs?: number; learningRate?: number; l2?: number } = {}): TasteModel {
  const { epochs = EPOCHS, learningRate = LEARNING_RATE, l2 = L2 } = options;
  const featuresOf = featuresFor(library.papers);
  const net = new Map<string, number>();
  for (const vote of votes) net.set(vote.paperId, (net.get(vote.paperId) ?? 0) + vote.vote);
  const examples: { features: Features; label: 0 | 1; weight: number }[] = [];
  const liked: string[] = [];
  const disliked: string[] = [];
  for (const [id, sum] of net) {
    const paper = library.get(id);
    if (!paper || sum === 0) continue;
    (sum > 0 ? liked : disliked).push(id);
    // A paper several members liked counts more, up to three votes' worth.
    examples.push({ features: featuresOf(paper), label: sum > 0 ? 1 : 0, weight: Math.min(3, Math.abs(sum)) });
  }
  // Start from the difference of the liked and disliked centroids (Rocchio), which generalises
  // from a handful of votes; gradient descent then sharpens it as votes accumulate.
  const weights = new Map<string, number>();
  const likedWeight = examples.filter((e) => e.label === 1).reduce((n, e) => n + e.weight, 0);
  const dislikedWeight = examples.filter((e) => e.label === 0).reduce((n, e) => n + e.weight, 0);
  for (const example of examples) {
    const share = example.label === 1 ? example.weight / likedWeight : (-ROCCHIO_NEGATIVE * example.weight) / dislikedWeight;
    for (const [word, x] of example.features) weights.set(word, (weights.get(word) ?? 0) + share * x);
  }
  let bias = 0;
  const total = examples.reduce((n, e) => n + e.weight, 0);
  for (let epoch = 0; epoch < epochs && total > 0; epoch++) {
    const gradient = new Map<string, number>();
    let biasGradient = 0;
    for (const example of examples) {
      let z = bias;
      for (const [word, x] of example.features) z += (weights.get(word) ?? 0) * x;
      const error = (1 / (1 + Math.exp(-z)) - example.label) * example.weight;
      biasGradient += error;
      for (const [word, x] of example.features) gradient.set(word, (gradient.get(word) ?? 0) + error * x);
    }
    bias -= (learningRate * biasGradient) / total;
    for (const [word, g] of gradient) {
      const w = weights.get(word) ?? 0;
      weights.set(word, w - learningRate * (g / total + l2 * w));
    }
  }
  const voted = liked.length + disliked.length;
  const strength = voted < MIN_VOTED_PAPERS ? 0 : Math.min(MAX_STRENGTH, 0.15 * (voted - MIN_VOTED_PAPERS + 1));
  return { weights, liked, disliked, strength };
}

/** A channel's taste from its stored votes; undefined when it has none. */
export async function channelTaste(feedback: FeedbackLog, channel: { platform: string; channelId: string }, library: TasteLibrary): Promise<TasteModel | undefined> {
  const votes = await feedback.channelVotes(channel);
  return votes.length ? trainTaste(votes, library) : undefined;
}

/** The words that most mark what the channel likes (`taste`). */
export function topWords(model: TasteModel, count: number): string[] {
  return [...model.weights]
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([word]) => word);
}

export interface Ranked<T> {
  item: T;
  /** Relevance to the topic, as the library scored it. */
  relevance: number;
  paper: Paper;
}

/**
 * Picks `count` of `candidates` (relevance order) with the channel's taste. The best third by
 * relevance always stays: taste never pushes the papers most clearly on topic out of a digest.
 * The other places go to the best mix of relevance (scaled to the best one) and taste, among
 * papers at least half as relevant as the best, so taste never pulls in one that is off topic.
 * Returns the picks in their new order, each with the liked paper it most resembles when taste
 * brought it in.
 */
export function rerankWithTaste<T>(candidates: readonly Ranked<T>[], count: number, model: TasteModel, library: TasteLibrary): { item: T; because?: Paper }[] {
  if (model.strength === 0 || candidates.length === 0) return candidates.slice(0, count).map(({ item }) => ({ item }));
  const best = Math.max(...candidates.map((c) => c.relevance)) || 1;
  const featuresOf = featuresFor(library.papers);
  const raw = candidates.map((c) => {
    const features = featuresOf(c.paper);
    return { features, taste: tasteScore(model, features) };
  });
  // Taste as a rank among these candidates, in [-1, 1]: the most liked moves up by `strength` and
  // the least liked down by as much, whatever the scale of the weights.
  const order = raw.map((r, i) => ({ taste: r.taste, i })).sort((a, b) => a.taste - b.taste || b.i - a.i);
  const percentile = new Float64Array(raw.length);
  order.forEach(({ i }, position) => (percentile[i] = raw.length > 1 ? (2 * position) / (raw.length - 1) - 1 : 0));
  const scored = candidates.map((c, i) => {
    const taste = percentile[i]!;
    return { ...c, features: raw[i]!.features, taste, rank: i, combined: c.relevance / best + model.strength * taste };
  });
  const anchors = scored.slice(0, 1);
  const rest = scored
    .slice(anchors.length)
    .filter((c) => c.relevance >= RELEVANCE_FLOOR * best)
    .sort((a, b) => b.combined - a.combined || a.rank - b.rank);
  const picked = [...anchors, ...rest.slice(0, count - anchors.length)].sort((a, b) => b.combined - a.combined || a.rank - b.rank);
  const liked = model.liked
    .map((id) => library.get(id))
    .filter((p): p is Paper => p !== undefined)
    .map((paper) => ({ paper, features: featuresOf(paper) }));
  return picked.map((c) => {
    // Said only where taste changed the digest: a paper relevance alone would not have picked.
    if (c.rank < count || c.taste <= 0) return { item: c.item };
    let because: Paper | undefined;
    let closest = 0;
    for (const { paper, features } of liked) {
      if (paper.id === c.paper.id) continue;
      // Cosine of unit vectors: how much the two papers share, weighted by rarity.
      let cosine = 0;
      for (const [word, x] of features) cosine += x * (c.features.get(word) ?? 0);
      if (cosine > closest) [closest, because] = [cosine, paper];
    }
    return because ? { item: c.item, because } : { item: c.item };
  });
}

/** A digest's items re-ranked with the channel's taste, each promoted one saying why. */
export function digestWithTaste(items: readonly DigestItem[], count: number, model: TasteModel | undefined, library: TasteLibrary): DigestItem[] {
  if (!model || model.strength === 0) return items.slice(0, count);
  return rerankWithTaste(items.map((item) => ({ item, relevance: item.score, paper: item.paper })), count, model, library).map(({ item, because }) =>
    because ? { ...item, why: `like “${because.title}”, which this channel liked` } : item,
  );
}

/** How many candidates to draw for `count` places: more when taste may pick among them. */
export const tastePool = (count: number, model: TasteModel | undefined): number => (model && model.strength > 0 ? count * 10 : count);
