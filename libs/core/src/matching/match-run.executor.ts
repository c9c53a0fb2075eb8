import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaToday, type ScoredList } from '@app/match-engine';
import { DataSource } from 'typeorm';
import { MatchRunCounts, MatchRunEntity } from './match-run.entity';
import { MatchThreads } from './match-threads';
import { loadPublishedDocuments, loadPublishedQueries } from './posting-documents';
import { PostingMatcher } from './posting-matcher.service';
import { PostingIndexCache } from './posting-index.cache';
import type { QueryPosting } from './recommendation-writer';
import { runListsOf, storeRunLists, type RunLists } from './run-list-writer';
import { storedListQuery } from './stored-list-query';

export type ProgressReporter = (percent: number) => Promise<void>;

/** Executes runs of one scope that another module owns (events register theirs), without a module cycle. */
export interface MatchRunScopeHandler {
  run(run: MatchRunEntity, progress: ProgressReporter): Promise<MatchRunCounts>;
}

/**
 * Executes a match-run row: loads it, matches its scope, stores the lists and records status and progress.
 * Deterministic and idempotent, so a retry after a crash half-way converges on the same rows.
 */
@Injectable()
export class MatchRunExecutor {
  private readonly handlers = new Map<MatchRunEntity['scope'], MatchRunScopeHandler>();
  private running = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: PostingIndexCache,
    private readonly postingMatcher: PostingMatcher,
    private readonly threads: MatchThreads,
  ) {}

  registerScopeHandler(scope: MatchRunEntity['scope'], handler: MatchRunScopeHandler): void {
    this.handlers.set(scope, handler);
  }

  /** Whether a run executes here: background work (the statistics queue) gives way meanwhile. */
  busy(): boolean {
    return this.running > 0;
  }

  async execute(runId: string, report: ProgressReporter): Promise<MatchRunCounts | null> {
    this.running++;
    try {
      return await this.executeRun(runId, report);
    } finally {
      this.running--;
    }
  }

  private async executeRun(runId: string, report: ProgressReporter): Promise<MatchRunCounts | null> {
    const runs = this.db.getRepository(MatchRunEntity);
    const run = await runs.findOne({ where: { id: runId } });
    if (!run || run.status === 'completed') return run?.counts ?? null;
    await this.db.query(
      `UPDATE match_runs SET status = 'running', attempts = attempts + 1, started_at = COALESCE(started_at, now()),
              error = NULL WHERE id = $1`,
      [runId],
    );
    const progress = async (percent: number) => {
      await runs.update(runId, { progress: percent });
      await report(percent);
    };
    const counts = await this.matchScope(run, progress);
    await runs.update(runId, { status: 'completed', progress: 100, counts, finishedAt: new Date() });
    await report(100);
    return counts;
  }

  async markFailed(runId: string, error: string): Promise<void> {
    await this.db
      .getRepository(MatchRunEntity)
      .update(runId, { status: 'failed', error, finishedAt: new Date() });
  }

  private async matchScope(run: MatchRunEntity, progress: ProgressReporter): Promise<MatchRunCounts> {
    const handler = this.handlers.get(run.scope);
    if (handler) return handler.run(run, progress);
    if (run.scope === 'event') throw new Error('no handler for event runs: the events module is not loaded');
    if (run.scope === 'posting') {
      const outcome = await this.postingMatcher.match(run.postingId!);
      return {
        queries: outcome.skipped ? 0 : 1,
        recommendations: outcome.recommendations,
        removed: outcome.removed,
      };
    }
    const index = await this.cache.current(true);
    await progress(10);
    const today = chinaToday();
    let queries: QueryPosting[];
    let lists: RunLists;
    if (run.scope === 'all') {
      queries = await loadPublishedQueries(this.db.manager);
      const chunks = this.threads.matchAllChunks(index, storedListQuery(today));
      lists = reportingProgress(chunks, index.count('demand') + index.count('supply'), progress);
    } else {
      const docs = await loadPublishedDocuments(this.db.manager, run.clusterId);
      queries = docs.map((d) => ({ id: d.id, kind: d.kind, enterpriseId: d.enterpriseId }));
      // demands first, as in a full run: unchanged supply lists can then be kept
      const demandsFirst = [...docs].sort(
        (a, b) => Number(a.kind === 'supply') - Number(b.kind === 'supply'),
      );
      lists = runListsOf(
        queries,
        demandsFirst.map((q) => [q.id, index.query(q, storedListQuery(today))] as const),
        index.weights,
      );
      await progress(50);
    }
    const { written, removed } = await this.db.transaction((m) => storeRunLists(m, queries, lists));
    await progress(95);
    return { queries: queries.length, counterparts: this.cache.size(), recommendations: written, removed };
  }
}

/** Passes the chunks on, reporting 10–80 % as the queries they hold add up. */
async function* reportingProgress(
  chunks: AsyncIterable<ScoredList[]>,
  total: number,
  progress: ProgressReporter,
): AsyncGenerator<ScoredList[]> {
  let seen = 0;
  let reported = 10;
  for await (const chunk of chunks) {
    seen += chunk.length;
    const percent = 10 + Math.floor((70 * seen) / Math.max(1, total) / 5) * 5;
    if (percent > reported) {
      reported = percent;
      await progress(percent);
    }
    yield chunk;
  }
}
