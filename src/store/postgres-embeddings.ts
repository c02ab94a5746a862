/** Paper vectors per embedding model, in Postgres (see `EmbeddingRepo`). */
import type pg from 'pg';
import { inTransaction } from './postgres-pool.js';
import type { EmbeddingRepo } from './types.js';
import { bytesToVector, vectorToBytes } from './vector-bytes.js';

interface Row {
  paper_id: string;
  text_hash: string;
  dimensions: number;
  vector: Buffer;
}

/** Rows per INSERT: well under Postgres's 65,535 parameters. */
const BATCH = 500;

export function postgresEmbeddings(pool: pg.Pool): EmbeddingRepo {
  return {
    save: async (model, vectors, now) => {
      if (vectors.length === 0) return;
      await inTransaction(pool, async (client) => {
        for (let from = 0; from < vectors.length; from += BATCH) {
          const batch = vectors.slice(from, from + BATCH);
          const params: unknown[] = [];
          const rows = batch.map((v) => {
            params.push(model, v.paperId, v.textHash, v.vector.length, vectorToBytes(v.vector), now.getTime());
            const at = params.length - 6;
            return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6})`;
          });
          await client.query(
            `INSERT INTO paper_embeddings (model, paper_id, text_hash, dimensions, vector, updated_at) VALUES ${rows.join(', ')}
             ON CONFLICT (model, paper_id) DO UPDATE SET text_hash = excluded.text_hash, dimensions = excluded.dimensions, vector = excluded.vector, updated_at = excluded.updated_at`,
            params,
          );
        }
      });
    },
    get: async (model, paperIds) => {
      if (paperIds.length === 0) return [];
      const { rows } = await pool.query<Row>('SELECT paper_id, text_hash, dimensions, vector FROM paper_embeddings WHERE model = $1 AND paper_id = ANY($2::text[])', [model, paperIds]);
      return rows.map((row) => ({ paperId: row.paper_id, textHash: row.text_hash, vector: bytesToVector(row.vector, row.dimensions) }));
    },
    count: async (model) => (await pool.query<{ n: number }>('SELECT count(*) AS n FROM paper_embeddings WHERE model = $1', [model])).rows[0]!.n,
    pruneOtherModels: async (keep) => (await pool.query('DELETE FROM paper_embeddings WHERE model <> $1', [keep])).rowCount ?? 0,
  };
}
