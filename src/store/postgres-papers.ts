/** The paper store on Postgres: JSON records keyed by paperbot id, as in sqlite-papers.ts. */
import type pg from 'pg';
import type { Paper } from '../corpus/paper.js';
import { titleKey } from '../corpus/title-key.js';
import { inTransaction } from './postgres-pool.js';
import type { PaperRepo, SourceStatus } from './types.js';

interface StatusRow {
  source: string;
  last_success: number | null;
  last_error: string | null;
  last_error_at: number | null;
  papers_added: number;
}

/** Any fixed number: paper saves serialise on it. */
const PAPER_CHANGES_LOCK = 7_262_830_472;

const records = (rows: { record: string }[]): Paper[] => rows.map((row) => JSON.parse(row.record) as Paper);

export function postgresPapers(pool: pg.Pool): PaperRepo {
  const select = async (where: string, params: unknown[], order = '') => records((await pool.query<{ record: string }>(`SELECT record FROM papers ${where} ${order}`, params)).rows);

  return {
    save: async (papers, now) => {
      if (papers.length === 0) return;
      await inTransaction(pool, async (client) => {
        // Saves take turns until they commit, so change numbers follow commit order: a replica
        // that has read up to change N never later finds an N-1 it skipped.
        await client.query('SELECT pg_advisory_xact_lock($1)', [PAPER_CHANGES_LOCK]);
        const { rows } = await client.query<{ n: number }>('SELECT coalesce(max(change_no), 0) + 1 AS n FROM papers');
        const change = rows[0]!.n;
        // One statement for the batch: the lock is held for one round trip, not one per paper.
        // A paper twice in a batch keeps its last record and its first first-seen time, as
        // saving them one at a time would.
        const last = new Map(papers.map((paper) => [paper.id, paper]));
        const firstSeen = new Map<string, number>();
        for (const paper of papers) if (!firstSeen.has(paper.id)) firstSeen.set(paper.id, paper.firstSeen ? Date.parse(paper.firstSeen) : now.getTime());
        const batch = [...last.values()];
        await client.query(
          `INSERT INTO papers (id, arxiv_id, title_key, record, first_seen, updated_at, change_no)
           SELECT id, arxiv_id, title_key, record, first_seen, $6::bigint, $7::bigint
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) AS batch (id, arxiv_id, title_key, record, first_seen)
           ON CONFLICT (id) DO UPDATE SET arxiv_id = excluded.arxiv_id, title_key = excluded.title_key, record = excluded.record,
             updated_at = excluded.updated_at, change_no = excluded.change_no`,
          [
            batch.map((paper) => paper.id),
            batch.map((paper) => paper.arxivId ?? null),
            batch.map((paper) => titleKey(paper.title)),
            batch.map((paper) => JSON.stringify(paper)),
            batch.map((paper) => firstSeen.get(paper.id)!),
            now.getTime(),
            change,
          ],
        );
      });
    },
    // Byte order for ids, as SQLite sorts them.
    all: () => select('', [], 'ORDER BY first_seen, id COLLATE "C"'),
    get: async (id) => (await select('WHERE id = $1', [id]))[0],
    byArxivId: async (arxivId) => (await select('WHERE arxiv_id = $1', [arxivId]))[0],
    byTitleKey: (key) => select('WHERE title_key = $1', [key], 'ORDER BY id COLLATE "C"'),
    count: async () => (await pool.query<{ n: number }>('SELECT count(*) AS n FROM papers')).rows[0]!.n,
    changedSince: async (after) => {
      const { rows } = await pool.query<{ record: string; change_no: number }>('SELECT record, change_no FROM papers WHERE change_no > $1 ORDER BY change_no, id COLLATE "C"', [after]);
      return { papers: records(rows), change: rows.at(-1)?.change_no ?? after };
    },
    lastChange: async () => (await pool.query<{ n: number }>('SELECT coalesce(max(change_no), 0) AS n FROM papers')).rows[0]!.n,
    recordFetch: async (source, outcome, now) => {
      if (outcome.ok) {
        await pool.query(
          `INSERT INTO source_status (source, last_success, papers_added) VALUES ($1, $2, $3)
           ON CONFLICT (source) DO UPDATE SET last_success = excluded.last_success, papers_added = source_status.papers_added + excluded.papers_added`,
          [source, now.getTime(), outcome.added],
        );
      } else {
        await pool.query(
          `INSERT INTO source_status (source, last_error, last_error_at) VALUES ($1, $2, $3)
           ON CONFLICT (source) DO UPDATE SET last_error = excluded.last_error, last_error_at = excluded.last_error_at`,
          [source, outcome.error, now.getTime()],
        );
      }
    },
    sourceStatus: async () =>
      (await pool.query<StatusRow>('SELECT * FROM source_status ORDER BY source COLLATE "C"')).rows.map(
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
