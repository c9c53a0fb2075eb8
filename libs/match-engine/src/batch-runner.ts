import type { KindArrays } from './kind-arrays';
import { QueryKernel, type KernelParams, type QueryView } from './query-kernel';

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

/** Runs chunks until the shared counter passes the last query. Safe to call from several threads at once. */
export function runBatch(job: BatchJob): void {
  const { demand, supply, params, counter, chunk, outDocs, outScores, outCounts } = job;
  const toSupply = new QueryKernel(supply, params);
  const toDemand = new QueryKernel(demand, params);
  const total = demand.docCount + supply.docCount;
  const view = emptyView();
  for (;;) {
    const start = Atomics.add(counter, 0, chunk);
    if (start >= total) return;
    const end = Math.min(total, start + chunk);
    for (let q = start; q < end; q++) {
      const isDemand = q < demand.docCount;
      const side = isDemand ? demand : supply;
      const i = isDemand ? q : q - demand.docCount;
      // an expired or unpublished posting neither gives nor receives recommendations
      if (side.published[i] === 0 || side.validUntil[i] < params.today) {
        outCounts[q] = 0;
        continue;
      }
      outCounts[q] = (isDemand ? toSupply : toDemand).run(
        viewOf(side, i, view),
        outDocs,
        outScores,
        q * params.limit,
      );
    }
  }
}
