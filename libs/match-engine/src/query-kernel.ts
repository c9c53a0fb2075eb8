import type { KindArrays } from './kind-arrays';
import { CandidateBuffer } from './candidate-buffer';

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
/** Guards the pruning bound against the last-bit rounding of the real score (a tie must still be scored). */
const BOUND_SLACK = 1 + 1e-9;

/**
 * Scores one query against the postings of the other kind. Owns the reused accumulator; one kernel per thread.
 * score = textRelevance × categoryFactor × (1 + cluster + region + tier boosts), textRelevance in 0..1.
 *
 * Fast mode reads the posting lists of the query's rare terms only, keeps the best `refineDepth` candidates
 * of that partial score, then adds the skipped common terms to those (from dense rows) and ranks them again.
 * Exact mode reads every list. Nothing is allocated per query.
 */
export class QueryKernel {
  private readonly acc: Float64Array;
  private readonly touched: Int32Array;
  private readonly clusterRel: Uint8Array;
  /** Candidates of the first stage (fast mode: refineDepth; exact mode: limit). */
  private readonly heap: CandidateBuffer;
  /** Final ranking after the refine step. */
  private readonly final: CandidateBuffer;
  /** 1 when the target posting may be recommended on `today` (published, not expired). */
  private readonly eligible: Uint8Array;
  private readonly commonSlots = new Int32Array(4096);
  private readonly commonWeights = new Float64Array(4096);
  private readonly commonTerms = new Int32Array(4096);
  /** Per query category: the largest category factor it can meet. */
  private readonly maxFactor: Float64Array;
  private readonly maxTier: number;

  constructor(
    private readonly target: KindArrays,
    private readonly p: KernelParams,
  ) {
    const n = target.docCount;
    this.acc = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.clusterRel = new Uint8Array(Math.max(0, p.neighbourOffsets.length - 1));
    this.heap = new CandidateBuffer(p.exact ? p.limit : Math.max(p.limit, p.refineDepth));
    this.final = new CandidateBuffer(p.limit);
    this.eligible = new Uint8Array(n);
    for (let d = 0; d < n; d++)
      this.eligible[d] = target.published[d] !== 0 && target.validUntil[d] >= p.today ? 1 : 0;
    this.maxFactor = new Float64Array(CATEGORY_COUNT);
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      let m = 0;
      for (let o = 0; o < CATEGORY_COUNT; o++) m = Math.max(m, p.categoryFactor[c * CATEGORY_COUNT + o]);
      this.maxFactor[c] = m;
    }
    this.maxTier = Math.max(0, ...p.tierBoost);
  }

  /** Writes up to `limit` results (document numbers, scores) at `at`; returns how many. */
  run(q: QueryView, outDocs: Int32Array, outScores: Float64Array, at: number): number {
    const { target: x, p, acc, touched } = this;
    const termOffsets = x.termOffsets;
    const postDocs = x.postDocs;
    const postImpacts = x.postImpacts;
    const idf = x.idf;
    const commonSlot = x.commonSlot;
    const qTerms = q.terms;
    const qWeights = q.weights;
    const vocab = idf.length;
    const exact = p.exact;
    const maxPostings = p.maxPostingsPerTerm;
    const k1p1 = p.k1 + 1;
    const slots = this.commonSlots;
    const cWeights = this.commonWeights;
    const cTerms = this.commonTerms;
    let common = 0;
    let norm = 0;
    let n = 0;
    let scanned = 0;
    for (let j = q.start; j < q.end; j++) {
      const t = qTerms[j];
      if (t >= vocab) continue;
      const s = termOffsets[t];
      const df = termOffsets[t + 1] - s;
      if (df === 0) continue;
      const w = qWeights[j];
      norm += w * idf[t] * k1p1;
      if (!exact && commonSlot[t] >= 0 && common < slots.length) {
        slots[common] = commonSlot[t];
        cTerms[common] = t;
        cWeights[common++] = w;
        continue;
      }
      const e = exact || df <= maxPostings ? s + df : s + maxPostings;
      for (let k = s; k < e; k++) {
        const d = postDocs[k];
        if (acc[d] === 0) touched[n++] = d;
        acc[d] += w * postImpacts[k];
      }
      scanned++;
    }
    if (scanned === 0 && common > 0) {
      // every query term is common: score them all rather than return nothing
      for (let j = 0; j < common; j++) {
        const t = cTerms[j];
        const w = cWeights[j];
        for (let k = termOffsets[t], e = termOffsets[t + 1]; k < e; k++) {
          const d = postDocs[k];
          if (acc[d] === 0) touched[n++] = d;
          acc[d] += w * postImpacts[k];
        }
      }
      common = 0;
    }
    if (norm === 0) {
      for (let i = 0; i < n; i++) acc[touched[i]] = 0;
      return 0;
    }

    const rel = this.clusterRel;
    const hasCluster = q.cluster >= 0 && q.cluster < rel.length;
    if (hasCluster) {
      rel[q.cluster] = 2;
      for (let k = p.neighbourOffsets[q.cluster]; k < p.neighbourOffsets[q.cluster + 1]; k++) {
        if (rel[p.neighbours[k]] === 0) rel[p.neighbours[k]] = 1;
      }
    }
    const heap = this.heap;
    heap.reset();
    const minText = p.minTextRelevance * norm;
    const catRow = q.category * CATEGORY_COUNT;
    const categoryFactor = p.categoryFactor;
    const refine = common > 0;
    // once the buffer was cut, a candidate whose best possible score cannot enter it is skipped unscored
    const maxBoost =
      1 +
      (hasCluster ? Math.max(p.clusterSame, p.clusterNeighbour, 0) : 0) +
      (q.city >= 0 ? Math.max(p.sameCity, p.sameProvince, 0) : 0) +
      this.maxTier;
    const bound = ((this.maxFactor[q.category] * maxBoost) / norm) * BOUND_SLACK;
    const eligible = this.eligible;
    const enterprise = x.enterprise;
    const category = x.category;
    const qEnterprise = q.enterprise;
    for (let i = 0; i < n; i++) {
      const d = touched[i];
      const text = acc[d];
      acc[d] = 0;
      if (text * bound < heap.floor) continue;
      if (eligible[d] === 0 || enterprise[d] === qEnterprise) continue;
      const factor = categoryFactor[catRow + category[d]];
      if (factor === 0 || (!refine && text < minText)) continue;
      heap.push((text / norm) * factor * this.boost(q, d), d, text);
    }
    const count = refine
      ? this.refine(q, norm, minText, common, outDocs, outScores, at)
      : this.emit(heap, outDocs, outScores, at);
    if (hasCluster) {
      rel[q.cluster] = 0;
      for (let k = p.neighbourOffsets[q.cluster]; k < p.neighbourOffsets[q.cluster + 1]; k++)
        rel[p.neighbours[k]] = 0;
    }
    return count;
  }

  private emit(buffer: CandidateBuffer, outDocs: Int32Array, outScores: Float64Array, at: number): number {
    const count = buffer.sortedTop(this.p.limit);
    for (let r = 0; r < count; r++) {
      outDocs[at + r] = buffer.docs[r];
      outScores[at + r] = buffer.scores[r];
    }
    buffer.reset();
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

  /** Fast mode: adds the skipped common terms to the kept candidates, then ranks them again. */
  private refine(
    q: QueryView,
    norm: number,
    minText: number,
    c: number,
    outDocs: Int32Array,
    outScores: Float64Array,
    at: number,
  ): number {
    const { target: x, heap, p } = this;
    const final = this.final;
    final.reset();
    const k = x.commonCount;
    const catRow = q.category * CATEGORY_COUNT;
    const slots = this.commonSlots;
    const weights = this.commonWeights;
    const impacts = x.commonImpacts;
    const kept = heap.finish();
    // every kept candidate is re-scored, so their order does not matter
    for (let i = 0; i < kept; i++) {
      const d = heap.docs[i];
      let text = heap.payload[i];
      const row = d * k;
      for (let j = 0; j < c; j++) text += weights[j] * impacts[row + slots[j]];
      if (text < minText) continue;
      final.push((text / norm) * p.categoryFactor[catRow + x.category[d]] * this.boost(q, d), d, text);
    }
    heap.reset();
    return this.emit(final, outDocs, outScores, at);
  }
}
