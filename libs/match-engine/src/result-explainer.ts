import type { KindArrays } from './kind-arrays';
import type { MatchWeights } from './match-weights';
import { CATEGORIES, CATEGORY_LABELS, TIER_LABELS, TIERS } from './posting-codes';
import type { KernelParams, QueryView } from './query-kernel';
import type { MatchResult } from './types';

export interface ExplainContext {
  target: KindArrays;
  params: KernelParams;
  weights: MatchWeights;
  termText: readonly string[];
  postingIds: readonly string[];
  enterpriseIds: readonly string[];
}

const scratchTerms = new Int32Array(4096);
const scratchGain = new Float64Array(4096);

/**
 * The `max` shared terms of query and candidate with the largest contributions (ties: lower term id), as text,
 * most contributing first.
 */
function matchedTerms(
  q: QueryView,
  x: KindArrays,
  d: number,
  max: number,
  termText: readonly string[],
): string[] {
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
    else {
      // insertion into the kept top `max`, best first
      const g = q.weights[i++] * x.fwdImpacts[k++];
      let at = n < max ? n : max;
      while (at > 0 && scratchGain[at - 1] < g) at--;
      if (at < max) {
        for (let m = n < max - 1 ? n : max - 1; m > at; m--) {
          scratchTerms[m] = scratchTerms[m - 1];
          scratchGain[m] = scratchGain[m - 1];
        }
        scratchTerms[at] = a;
        scratchGain[at] = g;
        if (n < max) n++;
      }
    }
  }
  const out = new Array<string>(n);
  for (let r = 0; r < n; r++) out[r] = termText[scratchTerms[r]];
  return out;
}

function isNeighbour(p: KernelParams, a: number, b: number): boolean {
  if (a < 0 || b < 0 || a + 1 >= p.neighbourOffsets.length) return false;
  for (let k = p.neighbourOffsets[a]; k < p.neighbourOffsets[a + 1]; k++)
    if (p.neighbours[k] === b) return true;
  return false;
}

/** `类别一致：…` / `类别相关：…—…` for every (query, candidate) category pair, built once. */
const CATEGORY_REASONS: readonly string[] = CATEGORIES.flatMap((qc) =>
  CATEGORIES.map((dc) =>
    qc === dc
      ? `类别一致：${CATEGORY_LABELS[qc]}`
      : `类别相关：${CATEGORY_LABELS[qc]}—${CATEGORY_LABELS[dc]}`,
  ),
);
const TIER_REASONS: readonly string[] = TIERS.map((t) => TIER_LABELS[t]);

/** The terms worth naming in a reason: 数控 adds nothing to a reason that already names 数控机床. */
function reasonTerms(terms: readonly string[], max: number): string {
  let shown = '';
  let count = 0;
  for (let i = 0; i < terms.length && count < max; i++) {
    const t = terms[i];
    let inside = false;
    for (let j = 0; j < terms.length && !inside; j++) {
      const o = terms[j];
      inside = o.length > t.length && o.includes(t);
    }
    if (inside) continue;
    shown = count === 0 ? t : `${shown}、${t}`;
    count++;
  }
  return shown;
}

/** Turns a scored (query, candidate) pair into a MatchResult with its Chinese reasons. */
export function explainResult(ctx: ExplainContext, q: QueryView, d: number, score: number): MatchResult {
  const { target: x, params: p, weights: w } = ctx;
  const terms = matchedTerms(q, x, d, w.explain.maxMatchedTerms, ctx.termText);
  const reasons = [`关键词匹配：${reasonTerms(terms, w.explain.maxReasonTerms)}`];
  reasons.push(CATEGORY_REASONS[q.category * CATEGORIES.length + x.category[d]]);
  const cluster = x.cluster[d];
  if (cluster >= 0 && cluster === q.cluster) reasons.push('同属集群');
  else if (isNeighbour(p, q.cluster, cluster)) reasons.push('相邻集群（产业链上下游）');
  if (q.city >= 0 && x.city[d] === q.city) reasons.push('同城');
  else if (q.province >= 0 && x.province[d] === q.province) reasons.push('同省');
  const tier = x.tier[d];
  if (tier >= 0) reasons.push(TIER_REASONS[tier]);
  return {
    postingId: ctx.postingIds[d],
    enterpriseId: ctx.enterpriseIds[d],
    score: Math.round(score * 1e6) / 1e6,
    reasons,
    matchedTerms: terms,
  };
}
