import type { Codebook } from './kind-index-builder';
import type { MatchWeights } from './match-weights';
import { categoryCode, regionCode } from './posting-codes';
import type { PreparedDocument } from './prepared-document';
import type { QueryView } from './query-kernel';

/**
 * Turns a posting that is not (or not yet) in the index into a query vector with the same weighting the index
 * gives its own postings. One per index, reused: its scratch is indexed by term id, so a query costs a lookup
 * per token and a sort of its distinct terms (a Map per query took a sixth of a publish's engine time).
 */
export class QueryEncoder {
  /** Summed field weights of the current query's terms; zero outside a call. */
  private readonly sums: Float64Array;
  private readonly seen: Uint8Array;
  private ids = new Int32Array(256);
  private count = 0;

  constructor(
    private readonly codes: Codebook,
    private readonly w: MatchWeights,
    vocabulary: number,
  ) {
    this.sums = new Float64Array(vocabulary);
    this.seen = new Uint8Array(vocabulary);
  }

  encode(prepared: PreparedDocument): QueryView {
    const { bm25 } = this.w;
    this.count = 0;
    this.add(prepared.title, bm25.title.weight);
    this.add(prepared.keywords, bm25.keywords.weight);
    this.add(prepared.description, bm25.description.weight);
    const terms = this.ids.slice(0, this.count).sort();
    const weights = new Float32Array(terms.length);
    const k3 = this.w.queryTermSaturation;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      const raw = this.sums[t];
      weights[i] = (raw * (k3 + 1)) / (k3 + raw);
      this.sums[t] = 0;
      this.seen[t] = 0;
    }
    const { doc } = prepared;
    const region = regionCode(doc.regionCode);
    return {
      terms,
      weights,
      start: 0,
      end: terms.length,
      enterprise: this.codes.enterprises.get(doc.enterpriseId) ?? -1,
      cluster: doc.clusterId === null ? -1 : (this.codes.clusters.get(doc.clusterId) ?? -1),
      city: region < 0 ? -1 : Math.floor(region / 100),
      province: region < 0 ? -1 : Math.floor(region / 10000),
      category: categoryCode(doc.category),
    };
  }

  private add(tokens: readonly string[], weight: number): void {
    const terms = this.codes.terms;
    for (const token of tokens) {
      const t = terms.get(token);
      if (t === undefined) continue;
      if (this.seen[t] === 0) {
        this.seen[t] = 1;
        if (this.count === this.ids.length) {
          const grown = new Int32Array(2 * this.ids.length);
          grown.set(this.ids);
          this.ids = grown;
        }
        this.ids[this.count++] = t;
      }
      this.sums[t] += weight;
    }
  }
}
