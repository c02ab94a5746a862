/** Paper vectors per embedding model, in SQLite (see `EmbeddingRepo`). */
import type Database from 'better-sqlite3';
import type { EmbeddingRepo, StoredEmbedding } from './types.js';
import { bytesToVector, vectorToBytes } from './vector-bytes.js';

interface Row {
  paper_id: string;
  text_hash: string;
  dimensions: number;
  vector: Buffer;
}

export function sqliteEmbeddings(db: Database.Database): EmbeddingRepo {
  const upsert = db.prepare(`INSERT INTO paper_embeddings (model, paper_id, text_hash, dimensions, vector, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (model, paper_id) DO UPDATE SET text_hash = excluded.text_hash, dimensions = excluded.dimensions, vector = excluded.vector, updated_at = excluded.updated_at`);
  // The ids travel as one JSON array: no limit on how many, one statement.
  const byIds = db.prepare<[string, string], Row>(
    'SELECT paper_id, text_hash, dimensions, vector FROM paper_embeddings WHERE model = ? AND paper_id IN (SELECT value FROM json_each(?))',
  );
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM paper_embeddings WHERE model = ?');
  const prune = db.prepare<[string]>('DELETE FROM paper_embeddings WHERE model <> ?');
  const save = db.transaction((model: string, vectors: readonly StoredEmbedding[], now: Date) => {
    for (const v of vectors) upsert.run(model, v.paperId, v.textHash, v.vector.length, vectorToBytes(v.vector), now.getTime());
  });
  return {
    save: async (model, vectors, now) => {
      save.immediate(model, vectors, now);
    },
    get: async (model, paperIds) =>
      paperIds.length === 0
        ? []
        : byIds.all(model, JSON.stringify(paperIds)).map((row) => ({ paperId: row.paper_id, textHash: row.text_hash, vector: bytesToVector(row.vector, row.dimensions) })),
    count: async (model) => count.get(model)!.n,
    pruneOtherModels: async (keep) => prune.run(keep).changes,
  };
}
