/**
 * Hugging Face Daily Papers JSON as the API returns it (`/api/daily_papers` items and
 * `/api/papers/{id}` objects), built from a few fields with plausible defaults.
 */

export interface HfAuthorJson {
  _id: string;
  name: string;
  hidden: boolean;
}

export interface HfPaperJson {
  id: string;
  authors: HfAuthorJson[];
  publishedAt: string;
  submittedOnDailyAt: string;
  title?: string;
  summary?: string;
  upvotes: number;
  discussionId: string;
  ai_summary?: string;
  ai_keywords?: string[];
  githubRepo?: string;
  projectPage?: string;
}

export interface HfItemJson {
  paper: HfPaperJson;
  publishedAt: string;
  title?: string;
  summary?: string;
  thumbnail: string;
  numComments: number;
  submittedBy: { _id: string; avatarUrl: string; fullname: string; name: string; type: 'user' };
  isAuthorParticipating: boolean;
}

export interface HfPaperInput {
  id: string;
  title?: string;
  summary?: string;
  authors?: string[];
  /** ISO date-time the paper was published on arXiv. */
  publishedAt?: string;
  /** ISO date-time it was listed on Daily Papers; its day is the `date` it is listed under. */
  listedAt?: string;
  upvotes?: number;
  aiSummary?: string;
  aiKeywords?: string[];
  githubRepo?: string;
  projectPage?: string;
  numComments?: number;
  /** Leave these fields out entirely, as a broken item would. */
  omit?: ('title' | 'summary')[];
}

function objectId(seed: string): string {
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash.toString(16).padStart(8, '0').repeat(3);
}

export function hfPaper(input: HfPaperInput): HfPaperJson {
  const omit = new Set(input.omit ?? []);
  const publishedAt = input.publishedAt ?? '2025-01-14T18:59:59.000Z';
  const paper: HfPaperJson = {
    id: input.id,
    authors: (input.authors ?? ['Ada Lovelace', 'Alan Turing']).map((name) => ({ _id: objectId(name), name, hidden: false })),
    publishedAt,
    submittedOnDailyAt: input.listedAt ?? publishedAt,
    upvotes: input.upvotes ?? 0,
    discussionId: objectId(`discussion ${input.id}`),
  };
  if (!omit.has('title')) paper.title = input.title ?? `Paper ${input.id}`;
  if (!omit.has('summary')) paper.summary = input.summary ?? `We study problem ${input.id}.\nResults follow.`;
  if (input.aiSummary !== undefined) paper.ai_summary = input.aiSummary;
  if (input.aiKeywords !== undefined) paper.ai_keywords = input.aiKeywords;
  if (input.githubRepo !== undefined) paper.githubRepo = input.githubRepo;
  if (input.projectPage !== undefined) paper.projectPage = input.projectPage;
  return paper;
}

export function hfItem(input: HfPaperInput): HfItemJson {
  const paper = hfPaper(input);
  const item: HfItemJson = {
    paper,
    publishedAt: paper.submittedOnDailyAt,
    thumbnail: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${input.id}.png`,
    numComments: input.numComments ?? 0,
    submittedBy: { _id: objectId('akhaliq'), avatarUrl: '/avatars/akhaliq.svg', fullname: 'AK', name: 'akhaliq', type: 'user' },
    isAuthorParticipating: false,
  };
  if (paper.title !== undefined) item.title = paper.title;
  if (paper.summary !== undefined) item.summary = paper.summary;
  return item;
}

/** `count` distinct items listed on `date`, ids 2501.10000 upwards (plus `offset`). */
export function hfDay(date: string, count: number, offset = 0): HfItemJson[] {
  return Array.from({ length: count }, (_, i) =>
    hfItem({ id: `2501.${String(10_000 + offset + i)}`, listedAt: `${date}T09:00:00.000Z`, upvotes: count - i }),
  );
}
