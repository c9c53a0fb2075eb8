import type { KindArrays } from './kind-arrays';
import type { MatchWeights } from './match-weights';
import { MAX_PAIR_REASONS, pairReasons, REASON_TEXTS } from './pair-reasons';
import type { KernelParams, QueryView } from './query-kernel';
import { sharedInt32 } from './shared-arrays';
import type { MatchResult } from './types';

export interface ExplainContext {
  target: KindArrays;
  params: KernelParams;
  weights: MatchWeights;
  termText: readonly string[];
  postingIds: readonly string[];
  enterpriseIds: readonly string[];
  /** Term ids of the shorter vocabulary terms inside each term (CSR), to drop 数控 beside 数控机床. */
  parts: TermParts;
}

/** CSR over term ids: the ids of the strictly shorter vocabulary terms each term's text contains. */
export interface TermParts {
  offsets: Int32Array;
  ids: Int32Array;
}

/** For every vocabulary term, the shorter vocabulary terms inside it (every substring looked up once). */
export function termParts(termText: readonly string[], ids: ReadonlyMap<string, number>): TermParts {
  const offsets = sharedInt32(termText.length + 1);
  const out: number[] = [];
  const seen = new Set<number>();
  for (let t = 0; t < termText.length; t++) {
    const text = termText[t];
    seen.clear();
    for (let len = text.length - 1; len >= 1; len--) {
      for (let i = 0; i + len <= text.length; i++) {
        const id = ids.get(text.slice(i, i + len));
        if (id !== undefined && !seen.has(id)) {
          seen.add(id);
          out.push(id);
        }
      }
    }
    offsets[t + 1] = out.length;
  }
  const list = sharedInt32(out.length);
  list.set(out);
  return { offsets, ids: list };
}

/**
 * The `max` shared terms of query and candidate with the largest contributions (ties: lower term id), best
 * first, as term ids written at `out[at..]`; returns how many.
 */
export function matchedTermIds(
  q: QueryView,
  x: KindArrays,
  d: number,
  max: number,
  out: Int32Array,
  at: number,
  gain: Float64Array,
): number {
  let n = 0;
  let i = q.start;
  let k = x.fwdOffsets[d];
  const end = x.fwdOffsets[d + 1];
  const qTerms = q.terms;
  const fwdTerms = x.fwdTerms;
  while (i < q.end && k < end) {
    const a = qTerms[i];
    const b = fwdTerms[k];
    if (a < b) i++;
    else if (a > b) k++;
    else n = keepTop(out, at, gain, n, max, a, q.weights[i++] * x.fwdImpacts[k++]);
  }
  return n;
}

/**
 * `matchedTermIds` with the query as a dense weight table (`weights[t]`, 0 when absent): one walk over the
 * candidate's terms instead of a merge, for the many results of a full re-match. Same terms, same order.
 */
export function matchedTermIdsDense(
  weights: Float32Array,
  x: KindArrays,
  d: number,
  max: number,
  out: Int32Array,
  at: number,
  gain: Float64Array,
): number {
  let n = 0;
  const fwdTerms = x.fwdTerms;
  for (let k = x.fwdOffsets[d], end = x.fwdOffsets[d + 1]; k < end; k++) {
    const w = weights[fwdTerms[k]];
    if (w !== 0) n = keepTop(out, at, gain, n, max, fwdTerms[k], w * x.fwdImpacts[k]);
  }
  return n;
}

/** Inserts term `t` with gain `g` into the kept top `max` (best first; an earlier term wins a tie). */
function keepTop(
  out: Int32Array,
  at: number,
  gain: Float64Array,
  n: number,
  max: number,
  t: number,
  g: number,
): number {
  let pos = n < max ? n : max;
  while (pos > 0 && gain[pos - 1] < g) pos--;
  if (pos < max) {
    for (let m = n < max - 1 ? n : max - 1; m > pos; m--) {
      out[at + m] = out[at + m - 1];
      gain[m] = gain[m - 1];
    }
    out[at + pos] = t;
    gain[pos] = g;
    if (n < max) n++;
  }
  return n;
}

/** One zeroed mark per vocabulary term, for reasonTermMask calls that bring none. */
const partMarks = new WeakMap<TermParts, Uint8Array>();

/**
 * Which of the matched terms `ids[at..at+n)` a reason names, as a bit mask: the first `max` terms that are not
 * inside another matched term (数控 adds nothing to a reason that already names 数控机床). The parts of every
 * matched term are marked first (`marks`: one zeroed byte per term id, left zeroed), so each term is then one
 * lookup rather than a search through every other term's parts.
 */
export function reasonTermMask(
  ids: Int32Array,
  at: number,
  n: number,
  max: number,
  parts: TermParts,
  marks: Uint8Array = marksFor(parts),
): number {
  const { offsets, ids: partIds } = parts;
  for (let j = at; j < at + n; j++)
    for (let k = offsets[ids[j]], e = offsets[ids[j] + 1]; k < e; k++) marks[partIds[k]] = 1;
  let mask = 0;
  let count = 0;
  for (let i = 0; i < n && count < max; i++) {
    if (marks[ids[at + i]] !== 0) continue;
    mask |= 1 << i;
    count++;
  }
  for (let j = at; j < at + n; j++)
    for (let k = offsets[ids[j]], e = offsets[ids[j] + 1]; k < e; k++) marks[partIds[k]] = 0;
  return mask;
}

function marksFor(parts: TermParts): Uint8Array {
  let marks = partMarks.get(parts);
  if (!marks) partMarks.set(parts, (marks = new Uint8Array(parts.offsets.length - 1)));
  return marks;
}

/** The keyword reason: this, then the terms it names joined by KEYWORD_SEPARATOR. */
export const KEYWORD_REASON = '关键词匹配：';
export const KEYWORD_SEPARATOR = '、';
/** The terms a keyword reason names, reused by every result. */
const shownScratch: string[] = [];

/** Room for one pair's matched term ids and gains (maxMatchedTerms is at most this). */
export const MAX_EXPLAINED_TERMS = 30;
const scratchIds = new Int32Array(MAX_EXPLAINED_TERMS);
const scratchGain = new Float64Array(MAX_EXPLAINED_TERMS);
const reasonScratch = new Int32Array(MAX_PAIR_REASONS);

/** A score as results show and store it: six decimals. */
export function roundedScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

/** Matched terms kept per pair (the reason mask has a bit for each). */
export function explainedTerms(w: MatchWeights): number {
  return Math.max(0, Math.min(w.explain.maxMatchedTerms, MAX_EXPLAINED_TERMS));
}

/** Turns a scored (query, candidate) pair into a MatchResult with its Chinese reasons. */
export function explainResult(ctx: ExplainContext, q: QueryView, d: number, score: number): MatchResult {
  const w = ctx.weights;
  const n = matchedTermIds(q, ctx.target, d, explainedTerms(w), scratchIds, 0, scratchGain);
  const mask = reasonTermMask(scratchIds, 0, n, w.explain.maxReasonTerms, ctx.parts);
  return buildResult(ctx, q, d, score, scratchIds, 0, n, mask);
}

/** A MatchResult from matched term ids and the mask of those its keyword reason names. */
export function buildResult(
  ctx: ExplainContext,
  q: QueryView,
  d: number,
  score: number,
  ids: Int32Array,
  at: number,
  n: number,
  mask: number,
): MatchResult {
  const { target: x, params: p, termText } = ctx;
  const terms = new Array<string>(n);
  const shown = shownScratch;
  shown.length = 0;
  for (let r = 0; r < n; r++) {
    const t = termText[ids[at + r]];
    terms[r] = t;
    if ((mask & (1 << r)) !== 0) shown.push(t);
  }
  const codes = reasonScratch;
  const m = pairReasons(p, x, q, d, codes);
  // sized once: 350k results of a re-match stay alive, a pushed-to array would keep a grown backing store
  const reasons = new Array<string>(1 + m);
  // one flat string: concatenating term by term leaves a chain of string pieces per result for the GC to copy
  reasons[0] = KEYWORD_REASON + shown.join(KEYWORD_SEPARATOR);
  for (let r = 0; r < m; r++) reasons[1 + r] = REASON_TEXTS[codes[r]];
  return {
    postingId: ctx.postingIds[d],
    enterpriseId: ctx.enterpriseIds[d],
    score: roundedScore(score),
    reasons,
    matchedTerms: terms,
  };
}
