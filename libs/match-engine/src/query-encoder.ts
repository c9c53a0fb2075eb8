import type { Codebook } from './kind-index-builder';
import type { MatchWeights } from './match-weights';
import { categoryCode, regionCode } from './posting-codes';
import type { PreparedDocument } from './prepared-document';
import type { QueryView } from './query-kernel';

/** A posting that is not (or not yet) in the index, as a query vector with the same weighting the index uses. */
export function encodeQuery(prepared: PreparedDocument, codes: Codebook, w: MatchWeights): QueryView {
  const raw = new Map<number, number>();
  const add = (tokens: readonly string[], weight: number): void => {
    for (const token of tokens) {
      const t = codes.terms.get(token);
      if (t !== undefined) raw.set(t, (raw.get(t) ?? 0) + weight);
    }
  };
  add(prepared.title, w.bm25.title.weight);
  add(prepared.keywords, w.bm25.keywords.weight);
  add(prepared.description, w.bm25.description.weight);
  const ids = [...raw.keys()].sort((a, b) => a - b);
  const k3 = w.queryTermSaturation;
  const { doc } = prepared;
  const region = regionCode(doc.regionCode);
  return {
    terms: Int32Array.from(ids),
    weights: Float32Array.from(ids, (t) => (raw.get(t)! * (k3 + 1)) / (k3 + raw.get(t)!)),
    start: 0,
    end: ids.length,
    enterprise: codes.enterprises.get(doc.enterpriseId) ?? -1,
    cluster: doc.clusterId === null ? -1 : (codes.clusters.get(doc.clusterId) ?? -1),
    city: region < 0 ? -1 : Math.floor(region / 100),
    province: region < 0 ? -1 : Math.floor(region / 10000),
    category: categoryCode(doc.category),
  };
}
