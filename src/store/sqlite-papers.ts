/** The paper store: every ingested or enriched paper, as JSON records keyed by paperbot id. */
import type Database from 'better-sqlite3';
import type { Paper } from '../corpus/paper.js';
import { titleKey } from '../corpus/title-key.js';
import type { PaperRepo, SourceStatus } from './types.js';

interface StatusRow {
  source: string;
  last_success: number | null;
  last_error: string | null;
  last_error_at: number | null;
  papers_added: number;
}

const parse = (row: { record: string } | undefined): Paper | undefined => (row ? (JSON.parse(row.record) as Paper) : undefined);

export function sqlitePapers(db: Database.Database): PaperRepo {
  const upsert = db.prepare(`INSERT INTO papers (id, arxiv_id, title_key, record, first_seen, updated_at, change_no) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET arxiv_id = excluded.arxiv_id, title_key = excluded.title_key, record = excluded.record, updated_at = excluded.updated_at, change_no = excluded.change_no`);
  const lastChange = db.prepare<[], { n: number }>('SELECT coalesce(max(change_no), 0) AS n FROM papers');
  const changedSince = db.prepare<[number], { record: string; change_no: number }>('SELECT record, change_no FROM papers WHERE change_no > ? ORDER BY change_no, id');
  const all = db.prepare<[], { record: string }>('SELECT record FROM papers ORDER BY first_seen, id');
  const byId = db.prepare<[string], { record: string }>('SELECT record FROM papers WHERE id = ?');
  const byArxiv = db.prepare<[string], { record: string }>('SELECT record FROM papers WHERE arxiv_id = ?');
  const byTitle = db.prepare<[string], { record: string }>('SELECT record FROM papers WHERE title_key = ? ORDER BY id');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM papers');
  const ok = db.prepare(`INSERT INTO source_status (source, last_success, papers_added) VALUES (?, ?, ?)
    ON CONFLICT (source) DO UPDATE SET last_success = excluded.last_success, papers_added = papers_added + excluded.papers_added`);
  const failed = db.prepare(`INSERT INTO source_status (source, last_error, last_error_at) VALUES (?, ?, ?)
    ON CONFLICT (source) DO UPDATE SET last_error = excluded.last_error, last_error_at = excluded.last_error_at`);
  const status = db.prepare<[], StatusRow>('SELECT * FROM source_status ORDER BY source');

  // Write transactions are serialised, so numbering each batch after the last one keeps commit order.
  const save = db.transaction((papers: readonly Paper[], now: Date) => {
    const change = lastChange.get()!.n + 1;
    for (const paper of papers) {
      const seen = paper.firstSeen ? Date.parse(paper.firstSeen) : now.getTime();
      upsert.run(paper.id, paper.arxivId ?? null, titleKey(paper.title), JSON.stringify(paper), seen, now.getTime(), change);
    }
  });

  return {
    save: async (papers, now) => {
      save.immediate(papers, now);
    },
    all: async () => all.all().map((row) => JSON.parse(row.record) as Paper),
    get: async (id) => parse(byId.get(id)),
    byArxivId: async (arxivId) => parse(byArxiv.get(arxivId)),
    byTitleKey: async (key) => byTitle.all(key).map((row) => JSON.parse(row.record) as Paper),
    count: async () => count.get()!.n,
    changedSince: async (after) => {
      const rows = changedSince.all(after);
      return { papers: rows.map((row) => JSON.parse(row.record) as Paper), change: rows.at(-1)?.change_no ?? after };
    },
    lastChange: async () => lastChange.get()!.n,
    recordFetch: async (source, outcome, now) => {
      if (outcome.ok) ok.run(source, now.getTime(), outcome.added);
      else failed.run(source, outcome.error, now.getTime());
    },
    sourceStatus: async () =>
      status.all().map(
        (row): SourceStatus => ({
          source: row.source,
          papersAdded: row.papers_added,
          ...(row.last_success !== null ? { lastSuccess: new Date(row.last_success) } : {}),
          ...(row.last_error !== null ? { lastError: row.last_error } : {}),
          ...(row.last_error_at !== null ? { lastErrorAt: new Date(row.last_error_at) } : {}),
        }),
      ),
  };
}
