import { emptyView, type BatchJob } from './batch-runner';
import type { MatchIndex } from './match-index';
import { roundedScore } from './result-explainer';
import type { RankedList, ScoredList } from './scored-list';
import type { MatchResult } from './types';

/** Builds the results of a batch job chunk by chunk, as threads finish them, into query order. */
export class BatchCollector {
  private readonly results: MatchResult[][];
  private readonly view = emptyView();
  private low = 0;

  constructor(
    private readonly index: MatchIndex,
    private readonly job: BatchJob,
  ) {
    this.results = new Array<MatchResult[]>(job.outCounts.length);
  }

  /** Collects every finished chunk not collected yet. */
  collectReady(): void {
    const { chunkDone, chunk, outCounts } = this.job;
    for (let c = this.low; c < chunkDone.length; c++) {
      if (Atomics.load(chunkDone, c) !== 1) continue;
      Atomics.store(chunkDone, c, 2);
      for (let q = c * chunk, e = Math.min(outCounts.length, q + chunk); q < e; q++) {
        this.results[q] = this.index.resultsOf(this.job, q, this.view);
      }
      if (c === this.low) this.low++;
    }
    while (this.low < chunkDone.length && chunkDone[this.low] === 2) this.low++;
  }

  /** Collects the rest (every chunk must be done) and keys the lists by posting id. */
  finish(): Map<string, MatchResult[]> {
    this.collectReady();
    const out = new Map<string, MatchResult[]>();
    for (let q = 0; q < this.results.length; q++) out.set(this.index.queryPostingId(q), this.results[q]);
    return out;
  }
}

/** A list of a batch job: the numbers are the job's, the results built from them on each call. */
export class BatchList implements RankedList {
  constructor(
    private readonly index: MatchIndex,
    private readonly job: BatchJob,
    private readonly q: number,
    readonly postingId: string,
    readonly number: number,
    readonly counterparts: Int32Array,
    private readonly counterpartIds: readonly string[],
  ) {}

  counterpartId(i: number): string {
    return this.counterpartIds[this.counterparts[i]];
  }

  score(i: number): number {
    return roundedScore(this.job.outScores[this.q * this.job.params.limit + i]);
  }

  results(): MatchResult[] {
    return this.index.resultsOf(this.job, this.q, emptyView());
  }
}

/** A list of a batch job whose threads fingerprinted every list. */
export class FingerprintedBatchList extends BatchList implements ScoredList {
  constructor(
    index: MatchIndex,
    job: BatchJob,
    q: number,
    postingId: string,
    number: number,
    counterparts: Int32Array,
    counterpartIds: readonly string[],
    readonly fingerprint: string,
  ) {
    super(index, job, q, postingId, number, counterparts, counterpartIds);
  }
}
