import type { KindArrays } from './kind-arrays';
import { ListHasher, type FingerprintTables } from './list-fingerprint';
import { MAX_PAIR_REASONS, pairReasons } from './pair-reasons';
import { QueryKernel, type KernelParams, type QueryView } from './query-kernel';
import { MAX_EXPLAINED_TERMS, matchedTermIdsDense, reasonTermMask, type TermParts } from './result-explainer';

/** What the threads of a full re-match add to each list's ranking (see `MatchIndex.createBatchJob`). */
export type BatchLists = 'explained' | 'fingerprinted' | 'ranked';

/**
 * A full re-match as plain shareable data: queries 0..demandCount-1 are the demands (scored against supplies),
 * the rest the supplies (scored against demands). Threads take chunks of queries from a shared counter and
 * write top-`limit` results into the shared output arrays at query × limit.
 */
export interface BatchJob {
  demand: KindArrays;
  supply: KindArrays;
  params: KernelParams;
  counter: Int32Array;
  chunk: number;
  outDocs: Int32Array;
  outScores: Float64Array;
  outCounts: Int32Array;
  /**
   * Whether the threads find each result's matched terms (and, without fingerprints, its reason mask). When not,
   * the thread that builds a list's results finds them, for the lists it builds only.
   */
  matchedTermsOnThreads: boolean;
  /** Per result: its matched term ids (`explainTerms` slots), how many, and which the keyword reason names. */
  explainTerms: number;
  reasonTerms: number;
  parts: TermParts;
  outTerms: Int32Array;
  outTermCounts: Int32Array;
  outReasonMasks: Int32Array;
  /**
   * When set, each query's list fingerprint (two words, see `listFingerprint`) is written to outFingerprints, and
   * outReasonMasks is left to whoever builds a list's results.
   */
  fingerprints: FingerprintTables | null;
  outFingerprints: Int32Array;
  /** Per chunk: 1 once its results (and their matched terms) are written. */
  chunkDone: Int32Array;
}

/** The query vector of document `i` of an indexed kind, written into a reused view object. */
export function viewOf(side: KindArrays, i: number, view: QueryView): QueryView {
  view.terms = side.fwdTerms;
  view.weights = side.fwdQueryWeights;
  view.start = side.fwdOffsets[i];
  view.end = side.fwdOffsets[i + 1];
  view.enterprise = side.enterprise[i];
  view.cluster = side.cluster[i];
  view.city = side.city[i];
  view.province = side.province[i];
  view.category = side.category[i];
  return view;
}

export function emptyView(): QueryView {
  return {
    terms: new Int32Array(0),
    weights: new Float32Array(0),
    start: 0,
    end: 0,
    enterprise: -1,
    cluster: -1,
    city: -1,
    province: -1,
    category: 0,
  };
}

/** A thread's scoring state for one batch job. */
export class BatchScorer {
  private readonly toSupply: QueryKernel;
  private readonly toDemand: QueryKernel;
  private readonly view = emptyView();
  private readonly gain = new Float64Array(MAX_EXPLAINED_TERMS);
  /** Scratch of reasonTermMask: one byte per term id. */
  private readonly partMarks: Uint8Array;
  /** The current query's weights by term id (0 elsewhere), for its results' matched terms. */
  private readonly weights: Float32Array;
  private readonly hasher: ListHasher | null;
  private readonly reasons = new Int32Array(MAX_PAIR_REASONS);

  constructor(private readonly job: BatchJob) {
    this.toSupply = new QueryKernel(job.supply, job.params);
    this.toDemand = new QueryKernel(job.demand, job.params);
    this.weights = new Float32Array(job.demand.idf.length);
    this.partMarks = new Uint8Array(job.parts.offsets.length - 1);
    this.hasher = job.fingerprints && new ListHasher(job.fingerprints, job.reasonTerms);
  }

  /** Claims the next chunk and scores it; false when none is left. */
  next(): boolean {
    const { job } = this;
    const total = job.demand.docCount + job.supply.docCount;
    const start = Atomics.add(job.counter, 0, job.chunk);
    if (start >= total) return false;
    const end = Math.min(total, start + job.chunk);
    for (let q = start; q < end; q++) this.score(q);
    Atomics.store(job.chunkDone, start / job.chunk, 1);
    return true;
  }

  private score(q: number): void {
    const { demand, supply, params, outCounts } = this.job;
    const isDemand = q < demand.docCount;
    const side = isDemand ? demand : supply;
    const i = isDemand ? q : q - demand.docCount;
    // an expired or unpublished posting neither gives nor receives recommendations
    const n =
      side.published[i] === 0 || side.validUntil[i] < params.today
        ? 0
        : (isDemand ? this.toSupply : this.toDemand).run(
            viewOf(side, i, this.view),
            this.job.outDocs,
            this.job.outScores,
            q * params.limit,
          );
    outCounts[q] = n;
    if (n > 0 && this.job.matchedTermsOnThreads) this.explain(q, isDemand ? supply : demand, n);
    if (this.hasher) this.fingerprint(q, isDemand, i, isDemand ? supply : demand, n);
  }

  /** The matched terms of query q's results, and which of them its keyword reason names. */
  private explain(q: number, target: KindArrays, n: number): void {
    const { params, outDocs, outTerms, outTermCounts, outReasonMasks, explainTerms, reasonTerms, parts } =
      this.job;
    const view = this.view;
    const at = q * params.limit;
    const weights = this.weights;
    for (let j = view.start; j < view.end; j++) weights[view.terms[j]] = view.weights[j];
    for (let r = at; r < at + n; r++) {
      const m = matchedTermIdsDense(
        weights,
        target,
        outDocs[r],
        explainTerms,
        outTerms,
        r * explainTerms,
        this.gain,
      );
      outTermCounts[r] = m;
      // a fingerprinted run builds the results of the lists it writes only, and their masks then (resultsOf)
      if (!this.hasher)
        outReasonMasks[r] = reasonTermMask(outTerms, r * explainTerms, m, reasonTerms, parts, this.partMarks);
    }
    for (let j = view.start; j < view.end; j++) weights[view.terms[j]] = 0;
  }

  /** Query q's list fingerprint, from the same numbers the results are built from. */
  private fingerprint(q: number, isDemand: boolean, i: number, target: KindArrays, n: number): void {
    const { params, outDocs, outScores, outTerms, outTermCounts, explainTerms } = this.job;
    const hasher = this.hasher!;
    const view = this.view;
    hasher.begin(isDemand ? 'demand' : 'supply', i);
    for (let r = q * params.limit; r < q * params.limit + n; r++) {
      const d = outDocs[r];
      const m = pairReasons(params, target, view, d, this.reasons);
      hasher.result(
        isDemand ? 'supply' : 'demand',
        d,
        outScores[r],
        outTerms,
        r * explainTerms,
        outTermCounts[r],
        this.reasons,
        m,
      );
    }
    hasher.end(this.job.outFingerprints, 2 * q);
  }
}

/** Runs chunks until the shared counter passes the last query. Safe to call from several threads at once. */
export function runBatch(job: BatchJob): void {
  const scorer = new BatchScorer(job);
  while (scorer.next());
}
