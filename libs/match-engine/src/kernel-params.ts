import { dateToInt } from './china-date';
import type { MatchWeights } from './match-weights';
import { categoryFactorTable, TIERS } from './posting-codes';
import type { KernelParams } from './query-kernel';
import type { QueryOptions } from './types';

export const DEFAULT_LIMIT = 10;

/** The numbers a query kernel needs, from the weights and a call's options (plain data, for worker threads). */
export function kernelParams(
  w: MatchWeights,
  options: QueryOptions,
  neighbourOffsets: Int32Array,
  neighbours: Int32Array,
): KernelParams {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`limit must be a positive integer, got ${limit}`);
  return {
    categoryFactor: categoryFactorTable(w),
    clusterSame: w.cluster.same,
    clusterNeighbour: w.cluster.neighbour,
    sameCity: w.region.sameCity,
    sameProvince: w.region.sameProvince,
    tierBoost: Float64Array.from(TIERS, (t) => w.tier[t]),
    minTextRelevance: w.minTextRelevance,
    k1: w.bm25.k1,
    refineDepth: w.fast.refineDepth,
    today: dateToInt(options.today),
    limit,
    exact: (options.mode ?? 'fast') === 'exact',
    neighbourOffsets,
    neighbours,
  };
}

/** Neighbouring clusters as CSR (each cluster's neighbours ascending, once each). */
export function neighbourCsr(
  count: number,
  pairs: Array<[number, number]>,
): { offsets: Int32Array; list: Int32Array } {
  const sets = Array.from({ length: count }, () => new Set<number>());
  for (const [a, b] of pairs) sets[a].add(b);
  const offsets = new Int32Array(count + 1);
  const list: number[] = [];
  sets.forEach((s, i) => {
    list.push(...[...s].sort((x, y) => x - y));
    offsets[i + 1] = list.length;
  });
  return { offsets, list: Int32Array.from(list) };
}
