import type { EnterpriseTier, PostingCategory } from './types';

export interface FieldWeight {
  /** Multiplier of the field's term frequency (BM25F). */
  weight: number;
  /** Length normalisation of the field, 0 (none) … 1 (full). */
  b: number;
}

/** Every tunable number of the engine, in one place. */
export interface MatchWeights {
  bm25: { k1: number; title: FieldWeight; keywords: FieldWeight; description: FieldWeight };
  /** Saturation of a query term repeated in the query posting. */
  queryTermSaturation: number;
  /** Text relevance (0–1, share of the query's attainable BM25) below which nothing is recommended. */
  minTextRelevance: number;
  category: {
    same: number;
    /** Unordered pairs of different categories that may still serve each other, with their factor; others score 0. */
    related: ReadonlyArray<readonly [PostingCategory, PostingCategory, number]>;
  };
  /** Boosts add up and multiply the text score: score = text × category × (1 + Σ boosts). */
  cluster: { same: number; neighbour: number };
  region: { sameCity: number; sameProvince: number };
  tier: Record<EnterpriseTier, number>;
  fast: {
    /** Query terms found in more than this share of counterpart postings only re-score the best candidates. */
    maxDocumentFrequencyRatio: number;
    /**
     * ... and in more than this many: on a small set (a province's few thousand postings) no term is common, so
     * fast mode is exact there, where exact costs little and pruning would cost recall.
     */
    minCommonDocumentFrequency: number;
    /**
     * The rarer terms bring the candidates: a term in more than this share of counterpart postings (and in more
     * than `minCandidateDocumentFrequency`) only adds to the candidates they found. Their matches alone score
     * low, and not touching them spares most of the per-candidate work.
     */
    maxCandidateDocumentFrequencyRatio: number;
    minCandidateDocumentFrequency: number;
    /** Candidates re-scored with the skipped common terms. */
    refineDepth: number;
  };
  explain: { maxReasonTerms: number; maxMatchedTerms: number };
}

export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  bm25: {
    k1: 1.2,
    title: { weight: 3, b: 0.5 },
    keywords: { weight: 2.5, b: 0.3 },
    description: { weight: 1, b: 0.75 },
  },
  queryTermSaturation: 1.5,
  minTextRelevance: 0.06,
  category: {
    same: 1,
    related: [
      ['equipment', 'service', 0.6],
      ['technology', 'service', 0.6],
      ['capacity', 'product', 0.7],
      ['equipment', 'technology', 0.5],
      ['technology', 'product', 0.5],
      ['capacity', 'service', 0.4],
      ['capacity', 'equipment', 0.4],
      ['market', 'service', 0.5],
      ['market', 'product', 0.4],
    ],
  },
  cluster: { same: 0.25, neighbour: 0.12 },
  region: { sameCity: 0.12, sameProvince: 0.04 },
  tier: { leading: 0.1, backbone: 0.06, key: 0.03 },
  fast: {
    maxDocumentFrequencyRatio: 0.05,
    minCommonDocumentFrequency: 1000,
    maxCandidateDocumentFrequencyRatio: 0.015,
    minCandidateDocumentFrequency: 300,
    refineDepth: 64,
  },
  explain: { maxReasonTerms: 5, maxMatchedTerms: 10 },
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends ReadonlyArray<unknown> ? T[K] : DeepPartial<T[K]> };
export type MatchWeightsOverride = DeepPartial<MatchWeights>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    out[k] = isPlainObject(v) && isPlainObject(base[k]) ? merge(base[k], v) : v;
  }
  return out;
}

/** Defaults with an override laid over them (arrays replace, objects merge). */
export function resolveWeights(override?: MatchWeightsOverride): MatchWeights {
  if (!override) return DEFAULT_MATCH_WEIGHTS;
  return merge(
    DEFAULT_MATCH_WEIGHTS as unknown as Record<string, unknown>,
    override as Record<string, unknown>,
  ) as unknown as MatchWeights;
}
