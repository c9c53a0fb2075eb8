import { Injectable } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  counterpartKind,
  MatchIndex,
  prepareDocuments,
  prepareDocumentsInParallel,
  type MatchDocument,
  type PostingKind,
  type PreparedDocument,
} from '@app/match-engine';
import { DataSource } from 'typeorm';
import { loadClusterNeighbours } from './cluster-neighbours';
import { CorpusStatisticsKeeper, type KindCounts } from './corpus-statistics.store';
import { MatchTokenizer } from './match-tokenizer';
import {
  loadChangedVersions,
  loadDocuments,
  loadPublishedForCache,
  type LoadedDocument,
} from './posting-documents';

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
/** Postings from which a look tokenises on worker threads too (starting them costs ~0.3 s each). */
const PARALLEL_FROM = 10_000;
const TOKENIZING_THREADS = Math.min(availableParallelism(), 4);

interface Entry {
  version: number;
  prepared: PreparedDocument;
}

/** A posting matched against an index that did not yet hold it (nor what was published just before it). */
export interface StaleMatch {
  postingId: string;
  version: number;
}

interface StaleEntry {
  version: number;
  kind: PostingKind;
  /** The index generation it was matched against. */
  generation: number;
}

const KINDS: readonly PostingKind[] = ['demand', 'supply'];

/**
 * The worker's in-memory view of every published posting, tokenised once and kept current by reading only what
 * changed since its last look; the engine's immutable index is rebuilt from it at most every five seconds.
 * Postings matched against an index that did not hold them yet are handed back after the next rebuild
 * (`takeRechecks`), so that two postings published within the same second still find each other. Only when
 * a later build changed a posting of the other kind: a burst of demands alone has nothing new to find, and
 * matching each of them twice halved the throughput of a burst.
 */
@Injectable()
export class PostingIndexCache {
  private readonly entries = new Map<string, Entry>();
  /** Database time of the previous look; the next one reads from OVERLAP_MS before it. */
  private lastLook: Date | null = null;
  private lastRefresh = 0;
  private lastBuild = 0;
  private index: MatchIndex | null = null;
  private dirty = true;
  private readonly stale = new Map<string, StaleEntry>();
  /** Kinds with postings added, changed or removed since the last build. */
  private readonly pendingKinds = new Set<PostingKind>();
  /** Builds so far, and the last build that changed postings of each kind. */
  private generation = 0;
  private readonly builds = new WeakMap<MatchIndex, { generation: number; versions: Map<string, number> }>();
  private readonly changedIn: Record<PostingKind, number> = { demand: 0, supply: 0 };
  private readonly statistics: CorpusStatisticsKeeper;
  /** Version of the stored statistics the index scores with; null: its own. */
  private statisticsVersion: number | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly words: MatchTokenizer = MatchTokenizer.shipped(),
  ) {
    this.statistics = new CorpusStatisticsKeeper(db);
  }

  /**
   * The index over published postings; `fresh` forces a refresh, and a rebuild when postings or the stored
   * statistics changed (full re-match runs: every worker process scores alike). `targets`: the kinds the
   * caller's queries score against. A query's results depend only on the postings it scores against, so a
   * change to the other kind alone does not make a rebuild due: a burst of demands (an association entering the
   * demands collected at an event) no longer rebuilds the whole index every five seconds.
   */
  async current(fresh = false, targets: readonly PostingKind[] = KINDS): Promise<MatchIndex> {
    if (fresh || Date.now() - this.lastRefresh >= REFRESH_EVERY_MS) await this.refresh();
    if (fresh && this.index && (await this.statistics.version()) !== this.statisticsVersion)
      this.dirty = true;
    const due =
      fresh ||
      (targets.some((k) => this.pendingKinds.has(k)) && Date.now() - this.lastBuild >= REBUILD_EVERY_MS);
    if (!this.index || (this.dirty && due)) await this.build();
    return this.index!;
  }

  /** Indexes the cached postings, scoring with the stored statistics unless they are due (then stores new ones). */
  private async build(): Promise<void> {
    const prepared = [...this.entries.values()].map((e) => e.prepared);
    const counts = kindCounts(prepared);
    const frozen = await this.statistics.forBuild(counts);
    const clusterNeighbours = await loadClusterNeighbours(this.db.manager);
    // the build below does not yield: dropping the old index first lets it be collected while the new one is
    // allocated (at 100k × 100k its arrays are ~220 MB), though a match still using it keeps it alive
    this.index = null;
    this.index = MatchIndex.fromPrepared(prepared, {
      tokenizer: this.words.tokenizer,
      clusterNeighbours,
      statistics: frozen.statistics,
    });
    this.statisticsVersion = frozen.statistics
      ? frozen.version
      : await this.statistics.keep(this.index, counts);
    this.lastBuild = Date.now();
    this.dirty = false;
    const versions = new Map([...this.entries].map(([id, e]) => [id, e.version]));
    this.builds.set(this.index, { generation: ++this.generation, versions });
    for (const kind of this.pendingKinds) this.changedIn[kind] = this.generation;
    this.pendingKinds.clear();
  }

  /** Which build an index returned by `current()` is (a match notes it with `noteStale`). */
  generationOf(index: MatchIndex): number {
    return this.builds.get(index)?.generation ?? 0;
  }

  /**
   * Whether an index returned by `current()` holds this version of the posting (so it was built after it was
   * published or edited, and a counterpart published just before it was in it too).
   */
  holds(index: MatchIndex, postingId: string, version: number): boolean {
    return (this.builds.get(index)?.versions.get(postingId) ?? -1) >= version;
  }

  noteStale(postingId: string, version: number, kind: PostingKind, generation: number): void {
    this.stale.set(postingId, { version, kind, generation });
  }

  /**
   * Stale matches whose posting the current index now holds, when a build since their match changed postings
   * of the other kind: match them again, once.
   */
  takeRechecks(): StaleMatch[] {
    const due: StaleMatch[] = [];
    for (const [postingId, s] of this.stale) {
      const held = this.index !== null && this.holds(this.index, postingId, s.version);
      if (!held && this.entries.has(postingId)) continue; // a later build will hold it
      this.stale.delete(postingId);
      if (held && this.changedIn[counterpartKind(s.kind)] > s.generation) {
        due.push({ postingId, version: s.version });
      }
    }
    return due;
  }

  /**
   * The cache's tokens for this posting when its text is the one given, with the given fields (a matching batch
   * reads its postings afresh; tokenising them again cost a tenth of a burst's CPU).
   */
  preparedAs(doc: MatchDocument): PreparedDocument | undefined {
    const p = this.entries.get(doc.id)?.prepared;
    const same =
      p &&
      p.doc.title === doc.title &&
      p.doc.description === doc.description &&
      p.doc.keywords.length === doc.keywords.length &&
      p.doc.keywords.every((k, i) => k === doc.keywords[i]);
    return same ? { ...p, doc } : undefined;
  }

  /** Published postings currently indexed (after the last refresh). */
  size(): number {
    return this.entries.size;
  }

  private async refresh(): Promise<void> {
    const [{ now }]: { now: Date }[] = await this.db.query('SELECT clock_timestamp() AS now');
    const toPrepare = this.lastLook
      ? await this.changedSince(new Date(this.lastLook.getTime() - OVERLAP_MS))
      : await loadPublishedForCache(this.db.manager);
    this.lastLook = now;
    this.lastRefresh = Date.now();
    for (const c of toPrepare) this.changed(c.doc.kind);
    const docs = toPrepare.map((c) => c.doc);
    // a first look (or a mass change) tokenises on every core; a burst's look stays in this thread
    const prepared =
      docs.length >= PARALLEL_FROM
        ? await prepareDocumentsInParallel(docs, TOKENIZING_THREADS, this.words.options)
        : prepareDocuments(docs, this.words.tokenizer);
    toPrepare.forEach((c, i) => this.entries.set(c.doc.id, { version: c.version, prepared: prepared[i] }));
  }

  /** Drops closed postings; returns the published ones whose version the cache does not hold, read whole. */
  private async changedSince(since: Date): Promise<LoadedDocument[]> {
    const fetch: string[] = [];
    for (const c of await loadChangedVersions(this.db.manager, since)) {
      if (c.status !== 'published') this.drop(c.id, c.kind);
      else if (this.entries.get(c.id)?.version !== c.version) fetch.push(c.id);
    }
    if (!fetch.length) return [];
    // read whole, a posting may have changed again since: the newer version (or its closure) is what counts
    const loaded = await loadDocuments(this.db.manager, fetch);
    for (const l of loaded) if (l.doc.status !== 'published') this.drop(l.doc.id, l.doc.kind);
    return loaded.filter((l) => l.doc.status === 'published');
  }

  private drop(postingId: string, kind: PostingKind): void {
    if (this.entries.delete(postingId)) this.changed(kind);
  }

  private changed(kind: PostingKind): void {
    this.dirty = true;
    this.pendingKinds.add(kind);
  }
}

function kindCounts(prepared: readonly PreparedDocument[]): KindCounts {
  const counts: KindCounts = { demand: 0, supply: 0 };
  for (const p of prepared) counts[p.doc.kind]++;
  return counts;
}
