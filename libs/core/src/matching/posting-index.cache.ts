import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTokenizer, MatchIndex, prepareDocuments, type PreparedDocument } from '@app/match-engine';
import { DataSource } from 'typeorm';
import { loadClusterNeighbours } from './cluster-neighbours';
import { loadChangedDocuments } from './posting-documents';

/**
 * A transaction may commit after a later read saw nothing of it; its rows carry its start time. Each look re-reads
 * rows changed this long before the previous look (by the database's clock), which covers such transactions.
 */
const OVERLAP_MS = 2000;
/** Under a burst of publishing, look for changes at most this often; the query posting is always fresh. */
const REFRESH_EVERY_MS = 200;
/**
 * And rebuild the engine's index at most this often: a rebuild costs O(all postings), a query O(its terms). Postings
 * published in between are matched at once against the older index and again after the rebuild (takeRechecks).
 */
const REBUILD_EVERY_MS = 5000;

interface Entry {
  version: number;
  prepared: PreparedDocument;
}

/** A posting matched against an index that did not yet hold it (nor what was published just before it). */
export interface StaleMatch {
  postingId: string;
  version: number;
}

/**
 * The worker's in-memory view of every published posting, tokenised once and kept current by reading only what
 * changed since its last look; the engine's immutable index is rebuilt from it at most every five seconds.
 * Postings matched against an index that did not hold them yet are handed back after the next rebuild
 * (`takeRechecks`), so that two postings published within the same second still find each other.
 */
@Injectable()
export class PostingIndexCache {
  private readonly tokenizer = createTokenizer();
  private readonly entries = new Map<string, Entry>();
  /** Database time of the previous look; the next one reads from OVERLAP_MS before it. */
  private lastLook: Date | null = null;
  private lastRefresh = 0;
  private lastBuild = 0;
  private index: MatchIndex | null = null;
  private indexed = new Set<string>();
  private dirty = true;
  private readonly stale = new Map<string, number>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The index over published postings; `fresh` forces a refresh and rebuild (full re-match runs). */
  async current(fresh = false): Promise<MatchIndex> {
    if (fresh || Date.now() - this.lastRefresh >= REFRESH_EVERY_MS) await this.refresh();
    if (!this.index || (this.dirty && (fresh || Date.now() - this.lastBuild >= REBUILD_EVERY_MS))) {
      const prepared = [...this.entries.values()].map((e) => e.prepared);
      this.index = MatchIndex.fromPrepared(prepared, {
        tokenizer: this.tokenizer,
        clusterNeighbours: await loadClusterNeighbours(this.db.manager),
      });
      this.indexed = new Set(this.entries.keys());
      this.lastBuild = Date.now();
      this.dirty = false;
    }
    return this.index;
  }

  /** Whether the current index holds this posting (so it was built after the posting was published). */
  isIndexed(postingId: string): boolean {
    return this.indexed.has(postingId);
  }

  noteStale(postingId: string, version: number): void {
    this.stale.set(postingId, version);
  }

  /** Stale matches whose posting the current index now holds: match them again, once. */
  takeRechecks(): StaleMatch[] {
    const due: StaleMatch[] = [];
    for (const [postingId, version] of this.stale) {
      if (!this.indexed.has(postingId) && this.entries.has(postingId)) continue;
      this.stale.delete(postingId);
      if (this.indexed.has(postingId)) due.push({ postingId, version });
    }
    return due;
  }

  /** Published postings currently indexed (after the last refresh). */
  size(): number {
    return this.entries.size;
  }

  private async refresh(): Promise<void> {
    const [{ now }]: { now: Date }[] = await this.db.query('SELECT clock_timestamp() AS now');
    const since = this.lastLook ? new Date(this.lastLook.getTime() - OVERLAP_MS) : null;
    const changed = await loadChangedDocuments(this.db.manager, since);
    this.lastLook = now;
    this.lastRefresh = Date.now();
    const toPrepare = [];
    for (const c of changed) {
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
