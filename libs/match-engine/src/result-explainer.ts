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

/** The `max` shared terms of query and candidate with the largest contributions (ties: lower term id). */
function matchedTerms(q: QueryView, x: KindArrays, d: number, max: number): number[] {
  let n = 0;
  let i = q.start;
  let k = x.fwdOffsets[d];
  const end = x.fwdOffsets[d + 1];
  while (i < q.end && k < end) {
    const a = q.terms[i];
    const b = x.fwdTerms[k];
    if (a < b) i++;
    else if (a > b) k++;
    else {
      // insertion into the kept top `max`, best first
      const g = q.weights[i++] * x.fwdImpacts[k++];
      let at = Math.min(n, max);
      while (at > 0 && scratchGain[at - 1] < g) at--;
      if (at < max) {
        for (let m = Math.min(n, max - 1); m > at; m--) {
          scratchTerms[m] = scratchTerms[m - 1];
          scratchGain[m] = scratchGain[m - 1];
        }
        scratchTerms[at] = a;
        scratchGain[at] = g;
        if (n < max) n++;
      }
    }
  }
  return Array.from(scratchTerms.subarray(0, n));
}

function isNeighbour(p: KernelParams, a: number, b: number): boolean {
  if (a < 0 || b < 0 || a + 1 >= p.neighbourOffsets.length) return false;
  for (let k = p.neighbourOffsets[a]; k < p.neighbourOffsets[a + 1]; k++)
    if (p.neighbours[k] === b) return true;
  return false;
}

/** Turns a scored (query, candidate) pair into a MatchResult with its Chinese reasons. */
export function explainResult(ctx: ExplainContext, q: QueryView, d: number, score: number): MatchResult {
  const { target: x, params: p, weights: w } = ctx;
  const terms = matchedTerms(q, x, d, w.explain.maxMatchedTerms).map((t) => ctx.termText[t]);
  // 数控 adds nothing to a reason that already names 数控机床
  const shown: string[] = [];
  for (const t of terms) {
    if (shown.length === w.explain.maxReasonTerms) break;
    if (!terms.some((o) => o.length > t.length && o.includes(t))) shown.push(t);
  }
  const reasons = [`关键词匹配：${shown.join('、')}`];
  const qc = CATEGORIES[q.category];
  const dc = CATEGORIES[x.category[d]];
  reasons.push(
    qc === dc
      ? `类别一致：${CATEGORY_LABELS[qc]}`
      : `类别相关：${CATEGORY_LABELS[qc]}—${CATEGORY_LABELS[dc]}`,
  );
  const cluster = x.cluster[d];
  if (cluster >= 0 && cluster === q.cluster) reasons.push('同属集群');
  else if (isNeighbour(p, q.cluster, cluster)) reasons.push('相邻集群（产业链上下游）');
  if (q.city >= 0 && x.city[d] === q.city) reasons.push('同城');
  else if (q.province >= 0 && x.province[d] === q.province) reasons.push('同省');
  const tier = x.tier[d];
  if (tier >= 0) reasons.push(TIER_LABELS[TIERS[tier]]);
  return {
    postingId: ctx.postingIds[d],
    enterpriseId: ctx.enterpriseIds[d],
    score: Math.round(score * 1e6) / 1e6,
    reasons,
    matchedTerms: terms,
  };
}
