import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaToday } from '@app/match-engine';
import { DataSource } from 'typeorm';
import { loadDocument } from './posting-documents';
import { PostingIndexCache } from './posting-index.cache';
import { storeLists, toPairs } from './recommendation-writer';

export const MATCHES_PER_POSTING = 10;

export interface PostingMatchOutcome {
  postingId: string;
  recommendations: number;
  removed: number;
  skipped?: 'not-found' | 'not-published';
}

/** Matches one posting against every published counterpart and stores its top list. Idempotent. */
@Injectable()
export class PostingMatcher {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: PostingIndexCache,
  ) {}

  async match(postingId: string): Promise<PostingMatchOutcome> {
    const loaded = await loadDocument(this.db.manager, postingId);
    if (!loaded) return { postingId, recommendations: 0, removed: 0, skipped: 'not-found' };
    if (loaded.doc.status !== 'published')
      return { postingId, recommendations: 0, removed: 0, skipped: 'not-published' };
    const index = await this.cache.current();
    const results = index.query(loaded.doc, {
      today: chinaToday(),
      limit: MATCHES_PER_POSTING,
      mode: 'exact',
    });
    return this.db.transaction(async (m) => {
      const stored = await storeLists(m, loaded.doc.kind, [postingId], toPairs(loaded.doc, results));
      await m.query(
        'UPDATE postings SET matched_version = $2 WHERE id = $1 AND (matched_version IS NULL OR matched_version < $2)',
        [postingId, loaded.version],
      );
      return { postingId, recommendations: stored.written, removed: stored.removed };
    });
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
}
