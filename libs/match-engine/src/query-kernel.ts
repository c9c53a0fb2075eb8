import type { KindArrays } from './kind-arrays';
import { TopKHeap } from './top-k-heap';

/** Numbers the kernel needs, flattened from MatchWeights and the call's options (plain data for workers). */
export interface KernelParams {
  categoryFactor: Float64Array;
  clusterSame: number;
  clusterNeighbour: number;
  sameCity: number;
  sameProvince: number;
  tierBoost: Float64Array;
  minTextRelevance: number;
  k1: number;
  maxDocumentFrequencyRatio: number;
  maxPostingsPerTerm: number;
  refineDepth: number;
  today: number;
  limit: number;
  exact: boolean;
  /** CSR of neighbouring clusters (symmetric). */
  neighbourOffsets: Int32Array;
  neighbours: Int32Array;
}

/** One query: its distinct term ids ascending (a slice of terms/weights) and its structured fields. */
export interface QueryView {
  terms: Int32Array;
  weights: Float32Array;
  start: number;
  end: number;
  enterprise: number;
  cluster: number;
  /** GB/T 2260 ÷ 100 and ÷ 10000, -1 when unknown. */
  city: number;
  province: number;
  category: number;
}

const CATEGORY_COUNT = 6;

/**
 * Scores one query against the postings of the other kind. Owns the reused accumulator; one kernel per thread.
 * score = textRelevance × categoryFactor × (1 + cluster + region + tier boosts), textRelevance in 0..1.
 */
export class QueryKernel {
  private readonly acc: Float64Array;
  private readonly touched: Int32Array;
  private readonly clusterRel: Uint8Array;
  private readonly heap: TopKHeap;
  private readonly common: number[] = [];
  private readonly commonSlots = new Int32Array(4096);
  private readonly commonWeights = new Float64Array(4096);
  /** Largest category factor × (1 + every boost): the most a unit of text relevance can score. */
  private readonly maxMultiplier: number;

  constructor(
    private readonly target: KindArrays,
    private readonly p: KernelParams,
  ) {
    this.acc = new Float64Array(target.docCount);
    this.touched = new Int32Array(target.docCount);
    this.clusterRel = new Uint8Array(Math.max(0, p.neighbourOffsets.length - 1));
    this.heap = new TopKHeap(p.exact ? p.limit : Math.max(p.limit, p.refineDepth));
    this.maxMultiplier =
      Math.max(...p.categoryFactor) *
      (1 +
        Math.max(p.clusterSame, p.clusterNeighbour, 0) +
        Math.max(p.sameCity, p.sameProvince, 0) +
        Math.max(0, ...p.tierBoost));
  }

  /** Writes up to `limit` results (document numbers, scores) at `at`; returns how many. */
  run(q: QueryView, outDocs: Int32Array, outScores: Float64Array, at: number): number {
    const { target: x, p, acc, touched } = this;
    const common = this.common;
    common.length = 0;
    let norm = 0;
    let n = 0;
    let scanned = 0;
    for (let j = q.start; j < q.end; j++) {
      const t = q.terms[j];
      if (t >= x.idf.length) continue;
      const s = x.termOffsets[t];
      const df = x.termOffsets[t + 1] - s;
      if (df === 0) continue;
      const w = q.weights[j];
      norm += w * x.idf[t] * (p.k1 + 1);
      if (!p.exact && x.commonSlot[t] >= 0) {
        common.push(j);
        continue;
      }
      const e = p.exact ? s + df : s + Math.min(df, p.maxPostingsPerTerm);
      for (let k = s; k < e; k++) {
        const d = x.postDocs[k];
        if (acc[d] === 0) touched[n++] = d;
        acc[d] += w * x.postImpacts[k];
      }
      scanned++;
    }
    if (scanned === 0 && common.length > 0) {
      // every query term is common: score them all rather than return nothing
      for (const j of common) {
        const t = q.terms[j];
        const w = q.weights[j];
        for (let k = x.termOffsets[t]; k < x.termOffsets[t + 1]; k++) {
          const d = x.postDocs[k];
          if (acc[d] === 0) touched[n++] = d;
          acc[d] += w * x.postImpacts[k];
        }
      }
      common.length = 0;
    }
    if (norm === 0) return this.clear(n);

    const rel = this.clusterRel;
    if (q.cluster >= 0 && q.cluster < rel.length) {
      rel[q.cluster] = 2;
      for (let k = p.neighbourOffsets[q.cluster]; k < p.neighbourOffsets[q.cluster + 1]; k++) {
        if (rel[p.neighbours[k]] === 0) rel[p.neighbours[k]] = 1;
      }
    }
    const heap = this.heap;
    heap.reset();
    const minText = p.minTextRelevance * norm;
    const catRow = q.category * CATEGORY_COUNT;
    const refine = common.length > 0;
    // once the heap is full, a candidate whose best possible score cannot enter it is skipped unscored
    const bound = this.maxMultiplier / norm;
    let floor = -1;
    for (let i = 0; i < n; i++) {
      const d = touched[i];
      const text = acc[d];
      acc[d] = 0;
      if (text * bound < floor) continue;
      if (x.published[d] === 0 || x.validUntil[d] < p.today || x.enterprise[d] === q.enterprise) continue;
      const factor = p.categoryFactor[catRow + x.category[d]];
      if (factor === 0 || (!refine && text < minText)) continue;
      heap.push((text / norm) * factor * this.boost(q, d), d, text);
      if (heap.size === heap.capacity) floor = heap.scores[0];
    }
    if (refine) this.refine(q, norm, minText);

    const count = Math.min(heap.drain(), p.limit);
    for (let r = 0; r < count; r++) {
      outDocs[at + r] = heap.sortedDocs[r];
      outScores[at + r] = heap.sortedScores[r];
    }
    if (q.cluster >= 0 && q.cluster < rel.length) {
      rel[q.cluster] = 0;
      for (let k = p.neighbourOffsets[q.cluster]; k < p.neighbourOffsets[q.cluster + 1]; k++)
        rel[p.neighbours[k]] = 0;
    }
    return count;
  }

  private boost(q: QueryView, d: number): number {
    const { target: x, p } = this;
    let b = 1;
    const c = x.cluster[d];
    if (c >= 0) {
      const r = this.clusterRel[c];
      if (r === 2) b += p.clusterSame;
      else if (r === 1) b += p.clusterNeighbour;
    }
    if (q.city >= 0) {
      if (x.city[d] === q.city) b += p.sameCity;
      else if (x.province[d] === q.province) b += p.sameProvince;
    }
    const tier = x.tier[d];
    if (tier >= 0) b += p.tierBoost[tier];
    return b;
  }

  /** Fast mode: adds the skipped common terms to the kept candidates, then re-ranks them. */
  private refine(q: QueryView, norm: number, minText: number): void {
    const { target: x, heap, p } = this;
    const kept = heap.drain();
    const k = x.commonCount;
    const catRow = q.category * CATEGORY_COUNT;
    const c = this.common.length;
    const slots = this.commonSlots;
    const weights = this.commonWeights;
    for (let j = 0; j < c; j++) {
      slots[j] = x.commonSlot[q.terms[this.common[j]]];
      weights[j] = q.weights[this.common[j]];
    }
    for (let i = 0; i < kept; i++) {
      const d = heap.sortedDocs[i];
      let text = heap.sortedPayload[i];
      const row = d * k;
      for (let j = 0; j < c; j++) text += weights[j] * x.commonImpacts[row + slots[j]];
      if (text < minText) continue;
      heap.push((text / norm) * p.categoryFactor[catRow + x.category[d]] * this.boost(q, d), d, text);
    }
  }

  private clear(n: number): number {
    for (let i = 0; i < n; i++) this.acc[this.touched[i]] = 0;
    return 0;
  }
}
