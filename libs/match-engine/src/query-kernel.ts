import type { KindArrays } from './kind-arrays';
import { BoostTables, CATEGORY_COUNT } from './boost-tables';
import { CandidateBuffer } from './candidate-buffer';
import { textThreshold } from './text-threshold';

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

/** Guards the pruning bound against the last-bit rounding of the real score (a tie must still be scored). */
const BOUND_SLACK = 1 + 1e-9;
/** Margin of the second pass's text prefilter under floor / bound, far above a division's rounding. */
const BOUND_SLACK_MARGIN = 1e-9;
/** Candidates scored before the rest, per kept one: enough that the buffer's floor is near its final value. */
const FIRST_PASS_PER_KEPT = 3;
/** Texts sampled to estimate the first pass's threshold. */
const THRESHOLD_SAMPLE = 128;

/**
 * Scores one query against the postings of the other kind. Owns the reused accumulator; one kernel per thread.
 * score = textRelevance × categoryFactor × (1 + cluster + region + tier boosts), textRelevance in 0..1.
 *
 * Fast mode reads the posting lists of the query's rare terms only, keeps the best `refineDepth` candidates
 * of that partial score, then adds the skipped common terms to those (from dense rows) and ranks them again.
 * Of the rare terms, the frequent ones (in more than `maxCandidateDf` documents) only add to the candidates
 * the rarer ones found: their lists are read without marking, which spares the per-candidate work for the
 * many documents they alone would bring. Exact mode reads every list. Nothing is allocated per query.
 *
 * Touched documents are marked in a bitmap rather than tested on the accumulator (that branch mispredicts on
 * most postings), then read back in document order. The candidates with the highest text go first, so the
 * buffer's floor rises early and most others fail the one-multiplication bound test. Neither changes a
 * result: the selection is a total order (score desc, document asc) and the bound never drops a contender.
 */
export class QueryKernel {
  private readonly acc: Float64Array;
  private readonly bits: Int32Array;
  private readonly touched: Int32Array;
  private readonly texts: Float64Array;
  /** Positions in touched/texts of the candidates a pass scores. */
  private readonly selected: Int32Array;
  private readonly sample = new Float64Array(THRESHOLD_SAMPLE);
  private readonly tables: BoostTables;
  /** Candidates of the first stage (fast mode: refineDepth; exact mode: limit). */
  private readonly heap: CandidateBuffer;
  /** Final ranking after the refine step. */
  private readonly final: CandidateBuffer;
  private readonly commonSlots = new Int32Array(4096);
  private readonly commonWeights = new Float64Array(4096);
  private readonly commonTerms = new Int32Array(4096);
  /** Fast mode's frequent terms, added after the rarer ones found the candidates. */
  private readonly mediumTerms = new Int32Array(4096);
  private readonly mediumWeights = new Float64Array(4096);
  /** Per query category: the largest category factor it can meet. */
  private readonly maxFactor: Float64Array;
  private readonly maxTier: number;

  constructor(
    private readonly target: KindArrays,
    private readonly p: KernelParams,
  ) {
    const n = target.docCount;
    this.acc = new Float64Array(n);
    this.bits = new Int32Array((n + 31) >>> 5);
    this.touched = new Int32Array(n);
    this.texts = new Float64Array(n);
    this.selected = new Int32Array(n + 1);
    this.tables = new BoostTables(target, p);
    this.heap = new CandidateBuffer(p.exact ? p.limit : Math.max(p.limit, p.refineDepth));
    this.final = new CandidateBuffer(p.limit);
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
    const { target: x, p, acc, bits } = this;
    const termOffsets = x.termOffsets;
    const postDocs = x.postDocs;
    const postImpacts = x.postImpacts;
    const idf = x.idf;
    const commonSlot = x.commonSlot;
    const qTerms = q.terms;
    const qWeights = q.weights;
    const vocab = idf.length;
    const exact = p.exact;
    const k1p1 = p.k1 + 1;
    const slots = this.commonSlots;
    const cWeights = this.commonWeights;
    const cTerms = this.commonTerms;
    let common = 0;
    let norm = 0;
    let scanned = 0;
    // fast mode: a term in many postings only adds to the candidates the rarer terms found
    const candidateDf = exact ? Infinity : x.maxCandidateDf;
    let medium = 0;
    const mTerms = this.mediumTerms;
    const mWeights = this.mediumWeights;
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
      if (df > candidateDf && medium < mTerms.length) {
        mTerms[medium] = t;
        mWeights[medium++] = w;
        continue;
      }
      const e = s + df;
      // two postings a step: V8 does not unroll, and the two (distinct) documents' updates overlap
      let k = s;
      for (; k + 1 < e; k += 2) {
        const d0 = postDocs[k];
        const d1 = postDocs[k + 1];
        const i0 = postImpacts[k];
        const i1 = postImpacts[k + 1];
        bits[d0 >>> 5] |= 1 << (d0 & 31);
        acc[d0] += w * i0;
        bits[d1 >>> 5] |= 1 << (d1 & 31);
        acc[d1] += w * i1;
      }
      if (k < e) {
        const d = postDocs[k];
        bits[d >>> 5] |= 1 << (d & 31);
        acc[d] += w * postImpacts[k];
      }
      scanned++;
    }
    // ... unless no rarer term found any
    const markMedium = scanned === 0;
    if (medium > 0) this.addMedium(medium, markMedium);
    scanned += medium;
    if (scanned === 0 && common > 0) {
      // every query term is common: score them all rather than return nothing
      for (let j = 0; j < common; j++) {
        const t = cTerms[j];
        this.addMarking(termOffsets[t], termOffsets[t + 1], cWeights[j]);
      }
      common = 0;
    }
    const n = this.gather();
    if (norm === 0 || n === 0) return 0;

    const tables = this.tables;
    tables.set(q);
    const heap = this.heap;
    heap.reset();
    const refine = common > 0;
    const minText = p.minTextRelevance * norm;
    // once the buffer was cut, a candidate whose best possible score cannot enter it is skipped unscored
    const maxBoost =
      1 +
      (q.cluster >= 0 ? Math.max(p.clusterSame, p.clusterNeighbour, 0) : 0) +
      (q.city >= 0 ? Math.max(p.sameCity, p.sameProvince, 0) : 0) +
      this.maxTier;
    const bound = ((this.maxFactor[q.category] * maxBoost) / norm) * BOUND_SLACK;
    const lowest = refine ? 0 : minText;
    const first = textThreshold(this.texts, n, FIRST_PASS_PER_KEPT * heap.keep, this.sample);
    this.collect(q, this.select(n, Math.max(first, lowest), Infinity), norm, bound);
    if (first > lowest) {
      heap.finish(); // the floor rises to the first pass's keep-th best before the rest is met
      // below floor / bound no candidate can enter; the margin leaves the exact test to collect
      const reachable = heap.floor > 0 ? (heap.floor / bound) * (1 - BOUND_SLACK_MARGIN) : 0;
      this.collect(q, this.select(n, Math.max(lowest, reachable), first), norm, bound);
    }
    const count = refine
      ? this.refine(q, norm, minText, common, outDocs, outScores, at)
      : this.emit(heap, outDocs, outScores, at);
    tables.clear(q);
    return count;
  }

  /**
   * Adds the fast mode's frequent (not common) terms: to the marked documents only, or, with `mark` (no rarer
   * term matched), to every document of their lists.
   */
  private addMedium(medium: number, mark: boolean): void {
    const { acc, bits, mediumTerms, mediumWeights } = this;
    const { termOffsets, postDocs, postImpacts } = this.target;
    for (let j = 0; j < medium; j++) {
      const t = mediumTerms[j];
      const w = mediumWeights[j];
      const s = termOffsets[t];
      const e = termOffsets[t + 1];
      if (mark) this.addMarking(s, e, w);
      // an unmarked document adds w × impact × 0: its sum stays 0, with no branch and nothing to clear
      else
        for (let k = s; k < e; k++) {
          const d = postDocs[k];
          acc[d] += w * postImpacts[k] * ((bits[d >>> 5] >>> (d & 31)) & 1);
        }
    }
  }

  /** Adds postings [s, e) with weight w, marking their documents as candidates (the rarely taken paths). */
  private addMarking(s: number, e: number, w: number): void {
    const { acc, bits } = this;
    const { postDocs, postImpacts } = this.target;
    for (let k = s; k < e; k++) {
      const d = postDocs[k];
      bits[d >>> 5] |= 1 << (d & 31);
      acc[d] += w * postImpacts[k];
    }
  }

  /** Lists the marked documents in order with their text (touched, texts), clearing marks and accumulator. */
  private gather(): number {
    const { acc, bits, touched, texts } = this;
    let n = 0;
    for (let b = 0; b < bits.length; b++) {
      let word = bits[b];
      if (word === 0) continue;
      bits[b] = 0;
      const base = b << 5;
      do {
        const d = base + 31 - Math.clz32(word & -word);
        word &= word - 1;
        touched[n] = d;
        texts[n++] = acc[d];
        acc[d] = 0;
      } while (word !== 0);
    }
    return n;
  }

  /**
   * Lists in `selected` the positions of the gathered candidates with text in [from, below); returns how many.
   * Written without a branch: on most candidates a test would mispredict, and the list is then walked once.
   */
  private select(n: number, from: number, below: number): number {
    const { texts, selected } = this;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const text = texts[i];
      selected[m] = i;
      m += bit(text >= from) & bit(text < below);
    }
    return m;
  }

  /** Pushes the selected candidates that may enter the buffer. */
  private collect(q: QueryView, count: number, norm: number, bound: number): void {
    const { heap, touched, texts, tables, selected } = this;
    const { meta, factor, region, tier } = tables;
    const clusterBoost = tables.cluster;
    const cluster = this.target.cluster;
    const enterprise = this.target.enterprise;
    const qEnterprise = q.enterprise;
    const catRow = q.category * 8;
    for (let j = 0; j < count; j++) {
      const i = selected[j];
      const text = texts[i];
      if (text * bound < heap.floor) continue;
      const d = touched[i];
      const packed = meta[d];
      const f = factor[catRow + (packed & 7)];
      if (f === 0) continue;
      const score =
        (text / norm) *
        f *
        (1 + clusterBoost[cluster[d] + 1] + region[packed >>> 5] + tier[(packed >>> 3) & 3]);
      if (score < heap.floor || enterprise[d] === qEnterprise) continue;
      heap.push(score, d, text);
    }
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
    const { target: x, heap, tables } = this;
    const final = this.final;
    final.reset();
    const k = x.commonCount;
    const catRow = q.category * 8;
    const slots = this.commonSlots;
    const weights = this.commonWeights;
    const impacts = x.commonImpacts;
    const kept = heap.finish();
    const docs = heap.docs;
    const texts = heap.payload;
    // loads only, no branch: the rows' cache misses overlap
    for (let i = 0; i < kept; i++) {
      const row = docs[i] * k;
      let text = texts[i];
      for (let j = 0; j < c; j++) text += weights[j] * impacts[row + slots[j]];
      texts[i] = text;
    }
    // every kept candidate is re-scored, so their order does not matter
    for (let i = 0; i < kept; i++) {
      const d = docs[i];
      const text = texts[i];
      if (text < minText) continue;
      const m = tables.meta[d];
      final.push((text / norm) * tables.factor[catRow + (m & 7)] * tables.boost(m, d), d, text);
    }
    heap.reset();
    return this.emit(final, outDocs, outScores, at);
  }
}

/** 1 or 0: a comparison as a number, so that a count adds it instead of branching. */
function bit(b: boolean): number {
  return b as unknown as number;
}
