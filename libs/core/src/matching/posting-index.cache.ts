import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTokenizer, MatchIndex, prepareDocuments, type PreparedDocument } from '@app/match-engine';
import { DataSource } from 'typeorm';
import { loadClusterNeighbours } from './cluster-neighbours';
import { loadChangedDocuments } from './posting-documents';

/** Re-read this far behind the newest change seen, for transactions that committed out of order. */
const OVERLAP_MS = 2000;
/** Under a burst of publishing, refresh and rebuild at most this often; the query posting is always fresh. */
const REFRESH_EVERY_MS = 200;

interface Entry {
  version: number;
  prepared: PreparedDocument;
}

/**
 * The worker's in-memory view of every published posting, tokenised once and kept current by reading only
 * what changed since the last look; the engine's immutable index is rebuilt from it when it went stale.
 */
@Injectable()
export class PostingIndexCache {
  private readonly tokenizer = createTokenizer();
  private readonly entries = new Map<string, Entry>();
  private watermark: Date | null = null;
  private lastRefresh = 0;
  private index: MatchIndex | null = null;
  private dirty = true;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The index over published postings; `fresh` forces a refresh and rebuild (full re-match runs). */
  async current(fresh = false): Promise<MatchIndex> {
    if (fresh || Date.now() - this.lastRefresh >= REFRESH_EVERY_MS) await this.refresh();
    if (!this.index || this.dirty) {
      this.index = MatchIndex.fromPrepared(
        [...this.entries.values()].map((e) => e.prepared),
        { tokenizer: this.tokenizer, clusterNeighbours: await loadClusterNeighbours(this.db.manager) },
      );
      this.dirty = false;
    }
    return this.index;
  }

  /** Published postings currently indexed (after the last refresh). */
  size(): number {
    return this.entries.size;
  }

  private async refresh(): Promise<void> {
    const since = this.watermark ? new Date(this.watermark.getTime() - OVERLAP_MS) : null;
    const changed = await loadChangedDocuments(this.db.manager, since);
    this.lastRefresh = Date.now();
    const toPrepare = [];
    for (const c of changed) {
      if (!this.watermark || c.updatedAt > this.watermark) this.watermark = c.updatedAt;
      const known = this.entries.get(c.doc.id);
      if (c.doc.status !== 'published') {
        if (this.entries.delete(c.doc.id)) this.dirty = true;
      } else if (!known || known.version !== c.version) {
        toPrepare.push(c);
      }
    }
    const prepared = prepareDocuments(
      toPrepare.map((c) => c.doc),
      this.tokenizer,
    );
    toPrepare.forEach((c, i) => this.entries.set(c.doc.id, { version: c.version, prepared: prepared[i] }));
    if (toPrepare.length) this.dirty = true;
  }
}
