import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaToday, counterpartKind } from '@app/match-engine';
import { JobName, JobProducer } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { loadDocuments, type LoadedDocument } from './posting-documents';
import { PostingIndexCache } from './posting-index.cache';
import { PairRow, storeLists, toPairs } from './recommendation-writer';
import { storedListQuery } from './stored-list-query';

export interface PostingMatchOutcome {
  postingId: string;
  recommendations: number;
  removed: number;
  skipped?: 'not-found' | 'not-published';
}

/**
 * Matches postings against every published counterpart and stores their top lists. Idempotent, and batched:
 * many postings cost one read, one transaction per side and one update, which is what sustained publishing needs.
 */
@Injectable()
export class PostingMatcher {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: PostingIndexCache,
    private readonly jobs: JobProducer,
  ) {}

  async match(postingId: string): Promise<PostingMatchOutcome> {
    return (await this.matchMany([postingId]))[0];
  }

  async matchMany(postingIds: string[]): Promise<PostingMatchOutcome[]> {
    const loaded = new Map((await loadDocuments(this.db.manager, postingIds)).map((l) => [l.doc.id, l]));
    const published = [...loaded.values()].filter((l) => l.doc.status === 'published');
    const index = await this.cache.current(false, [
      ...new Set(published.map((l) => counterpartKind(l.doc.kind))),
    ]);
    const generation = this.cache.generationOf(index);
    await this.requeueRechecks();
    const options = storedListQuery(chinaToday());
    const outcomes = new Map<string, PostingMatchOutcome>();
    for (const side of ['demand', 'supply'] as const) {
      const queries = published.filter((l) => l.doc.kind === side);
      if (!queries.length) continue;
      const pairs: PairRow[] = [];
      const written = new Map<string, number>();
      for (const q of queries) {
        const prepared = this.cache.preparedAs(q.doc);
        const results = prepared ? index.queryPrepared(prepared, options) : index.query(q.doc, options);
        pairs.push(...toPairs(q.doc, results));
        written.set(q.doc.id, results.length);
      }
      // One transaction per side, which also records the versions it matched: one commit for both.
      const stored = await this.db.transaction(async (m) => {
        const result = await storeLists(
          m,
          side,
          queries.map((q) => q.doc.id),
          pairs,
        );
        await markMatched(m, queries);
        return result;
      });
      for (const q of queries) {
        outcomes.set(q.doc.id, {
          postingId: q.doc.id,
          recommendations: written.get(q.doc.id)!,
          removed: queries.length === 1 ? stored.removed : 0,
        });
      }
    }
    for (const l of published) {
      if (!this.cache.holds(index, l.doc.id, l.version)) {
        this.cache.noteStale(l.doc.id, l.version, l.doc.kind, generation);
      }
    }
    return postingIds.map(
      (id) =>
        outcomes.get(id) ?? {
          postingId: id,
          recommendations: 0,
          removed: 0,
          skipped: loaded.has(id) ? 'not-published' : 'not-found',
        },
    );
  }

  /** Published postings whose latest version was never matched (a lost job, a Redis restart). */
  async unmatchedPostings(limit = 10_000): Promise<{ id: string; version: number }[]> {
    const rows: { id: string; version: number }[] = await this.db.query(
      `SELECT id, version FROM postings WHERE status = 'published' AND (matched_version IS NULL OR matched_version < version)
        ORDER BY updated_at LIMIT $1`,
      [limit],
    );
    return rows;
  }

  /** Postings matched before the index held them are matched again once it does (a distinct job id per round). */
  private async requeueRechecks(): Promise<void> {
    for (const r of this.cache.takeRechecks()) {
      await this.jobs.enqueue(
        JobName.MatchPosting,
        { postingId: r.postingId },
        { jobId: `mp-${r.postingId}-v${r.version}-recheck-${Date.now()}` },
      );
    }
  }
}

/** In id order, like every writer of these rows, so that two batches sharing a posting cannot deadlock. */
async function markMatched(m: EntityManager, done: LoadedDocument[]): Promise<void> {
  const sorted = [...done].sort((a, b) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
  await m.query(
    `UPDATE postings p SET matched_version = v.version
       FROM unnest($1::uuid[], $2::int[]) AS v(id, version)
      WHERE p.id = v.id AND (p.matched_version IS NULL OR p.matched_version < v.version)`,
    [sorted.map((l) => l.doc.id), sorted.map((l) => l.version)],
  );
}
